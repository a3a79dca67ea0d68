import { type ToolFamily } from "../hit.js";
/** git rules. */
export declare const gitFamilies: readonly ToolFamily[];
