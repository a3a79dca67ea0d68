import { type Syntax } from "../grammar/syntax.js";
/** `gsutil [top-level options] COMMAND [options] URL…` for the reading commands. */
export declare const GSUTIL: Syntax;
