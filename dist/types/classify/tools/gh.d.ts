import { type ToolFamily } from "../hit.js";
/** GitHub and GitLab CLIs. */
export declare const ghFamilies: readonly ToolFamily[];
