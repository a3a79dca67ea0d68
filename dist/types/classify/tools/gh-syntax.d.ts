import { type Syntax } from "../grammar/syntax.js";
/** `gh …` for the reading commands. */
export declare const GH: Syntax;
/** `glab …` for the reading commands. */
export declare const GLAB: Syntax;
