import { type Syntax } from "../grammar/syntax.js";
/** helm from the word after the name. */
export declare const HELM: Syntax;
