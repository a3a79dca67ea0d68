import { type ToolFamily } from "../hit.js";
/** AWS CLI rules. */
export declare const awsFamilies: readonly ToolFamily[];
