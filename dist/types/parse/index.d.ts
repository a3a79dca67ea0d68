export { parseRunbook, type ParseOptions } from "./parse-runbook.js";
export { readRunbookFile, readRunbookFileSync, decodeRunbook, type RunbookSource } from "./read.js";
export { interpreterFor, SCRIPT_PLACEHOLDER } from "./interpreters.js";
export { parseFenceInfo, stripConsolePrompts } from "./fence.js";
