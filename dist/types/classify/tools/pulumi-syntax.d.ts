import type { Syntax } from "../grammar/syntax.js";
/** `pulumi [global flags] COMMAND …` for the reads. */
export declare const PULUMI: Syntax;
