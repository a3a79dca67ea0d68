import { type Hit } from "./hit.js";
/**
 * Split SQL into statements on `;`, skipping quotes, `$tag$` bodies and comments, which are
 * also removed. psql meta-commands (`\dt`) end at the line end.
 */
export declare function splitSql(text: string): string[];
/** Classify SQL text: one hit per statement; empty text only reads. */
export declare function classifySql(text: string, client?: string): Hit[];
