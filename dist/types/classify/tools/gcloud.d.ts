import { type ToolFamily } from "../hit.js";
/** The Google Cloud CLI (gsutil and bq are in gsutil-bq.ts). */
export declare const gcloudFamilies: readonly ToolFamily[];
