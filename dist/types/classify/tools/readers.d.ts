import { type ToolFamily } from "../hit.js";
/** Commands that only read, whatever their arguments. */
export declare const readers: ToolFamily;
