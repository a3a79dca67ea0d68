import { type ToolFamily } from "../hit.js";
/** helmfile rules. */
export declare const helmfileFamilies: readonly ToolFamily[];
