import { type ToolFamily } from "../hit.js";
/** Network configuration tools. */
export declare const networkFamilies: readonly ToolFamily[];
