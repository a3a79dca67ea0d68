import { type ToolFamily } from "../hit.js";
/** Cloud Storage and BigQuery command-line tools. */
export declare const gsutilBqFamilies: readonly ToolFamily[];
