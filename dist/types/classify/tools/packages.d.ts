import { type ToolFamily } from "../hit.js";
/** Package managers. */
export declare const packageFamilies: readonly ToolFamily[];
