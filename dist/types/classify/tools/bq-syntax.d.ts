import { type Syntax } from "../grammar/syntax.js";
/** `bq [global flags] COMMAND [flags] [args]` for the reading commands. */
export declare const BQ: Syntax;
