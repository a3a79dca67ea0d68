import { type ToolFamily } from "../hit.js";
/** Server software's admin tools. */
export declare const serverAdminFamilies: readonly ToolFamily[];
