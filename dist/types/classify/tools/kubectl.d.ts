import { type ToolFamily } from "../hit.js";
/** kubectl, oc and helm rules. */
export declare const kubeFamilies: readonly ToolFamily[];
