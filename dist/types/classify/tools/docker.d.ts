import { type ToolFamily } from "../hit.js";
/** Container engines and compose. */
export declare const containerFamilies: readonly ToolFamily[];
