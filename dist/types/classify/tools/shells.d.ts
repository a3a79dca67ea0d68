import { type ToolFamily } from "../hit.js";
/** Shells, remote sessions and wrappers left after unwrapping. */
export declare const shellFamilies: readonly ToolFamily[];
