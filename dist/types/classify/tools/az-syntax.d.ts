import { type Syntax } from "../grammar/syntax.js";
export declare const AZ: Syntax;
