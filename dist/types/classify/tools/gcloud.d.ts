import { type ToolFamily } from "../hit.js";
/** Google Cloud CLIs (gcloud, gsutil, bq). */
export declare const gcloudFamilies: readonly ToolFamily[];
