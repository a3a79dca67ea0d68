import { type ToolFamily } from "../hit.js";
export declare const systemFamilies: readonly ToolFamily[];
