import { type ToolFamily } from "../hit.js";
/** Pulumi rules. */
export declare const pulumiFamilies: readonly ToolFamily[];
