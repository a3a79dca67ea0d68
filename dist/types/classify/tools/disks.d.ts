import { type ToolFamily } from "../hit.js";
/** Disk, partition, RAID and volume tools. */
export declare const diskFamilies: readonly ToolFamily[];
