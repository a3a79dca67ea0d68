import { type ToolFamily } from "../hit.js";
/** Chef's command-line tools. */
export declare const chefFamilies: readonly ToolFamily[];
