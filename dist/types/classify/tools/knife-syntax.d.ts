import { type Syntax } from "../grammar/syntax.js";
/** knife from the word after the name. */
export declare const KNIFE: Syntax;
