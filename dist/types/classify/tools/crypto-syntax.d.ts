import { type Syntax } from "../grammar/syntax.js";
/** openssl from the word after its name. */
export declare const OPENSSL: Syntax;
