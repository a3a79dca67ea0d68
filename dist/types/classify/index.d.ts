export { classifyCommands, classifyScript, type ClassifyOptions } from "./classify.js";
export { classifySql } from "./sql.js";
export { TOOL_FAMILIES, toolFor, type ToolMatch } from "./registry.js";
export type { Hit, ToolFamily, ToolInput, ToolRule, Nested } from "./hit.js";
export type { RuleVerdict } from "./types.js";
export { loadBashParser } from "./bash-parser.js";
