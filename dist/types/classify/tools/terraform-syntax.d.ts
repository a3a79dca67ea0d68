import { type Syntax } from "../grammar/syntax.js";
/** terraform and tofu from the word after the name. */
export declare const TERRAFORM: Syntax;
