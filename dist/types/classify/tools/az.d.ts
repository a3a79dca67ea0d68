import { type ToolFamily } from "../hit.js";
/** Azure CLI rules. */
export declare const azFamilies: readonly ToolFamily[];
