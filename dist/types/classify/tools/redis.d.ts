import { type ToolFamily } from "../hit.js";
/** redis-cli rules. */
export declare const redisFamilies: readonly ToolFamily[];
