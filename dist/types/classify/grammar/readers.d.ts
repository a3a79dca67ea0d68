import { type Syntax } from "./syntax.js";
/** The grammar of each reader that takes options, by command name. */
export declare const READER_SYNTAX: Readonly<Record<string, Syntax>>;
