import { type ToolFamily } from "../hit.js";
/** System changers and tools that run code the rules cannot see. */
export declare const runnerFamilies: readonly ToolFamily[];
