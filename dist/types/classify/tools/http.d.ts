import { type ToolFamily } from "../hit.js";
/** HTTP clients. */
export declare const httpFamilies: readonly ToolFamily[];
