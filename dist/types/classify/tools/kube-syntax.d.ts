import { type Syntax } from "../grammar/syntax.js";
/** kubectl (and oc) from the command name on. */
export declare const KUBECTL: Syntax;
