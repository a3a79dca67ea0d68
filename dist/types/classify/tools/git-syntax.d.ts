import { type Syntax } from "../grammar/syntax.js";
/** git from the command name on: global options, then a subcommand. */
export declare const GIT: Syntax;
