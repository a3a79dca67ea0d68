import { type ToolFamily } from "../hit.js";
/** SQL clients and database server tools. */
export declare const databaseFamilies: readonly ToolFamily[];
