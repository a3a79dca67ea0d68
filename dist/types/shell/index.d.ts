export { analyzeShell, MAX_ANALYSED_SCRIPT_CHARS, PARSE_BUDGET_MS, type AnalyzeOptions, } from "./analyze.js";
export { commandName, staticOutput } from "./names.js";
export { shellWord } from "./quote.js";
export { feedersOf } from "./queries.js";
export { SHELL_NAMES } from "./wrappers.js";
export type * from "./types.js";
export { asDashReadsIt, bashOnlyConstructs, dialectOf, type BashOnly, type ShellDialect, } from "./dialect.js";
