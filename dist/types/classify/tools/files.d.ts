import { type ToolFamily } from "../hit.js";
/** File and text tools that can write. */
export declare const fileFamilies: readonly ToolFamily[];
