import { type ShellAnalysis, type ShellCommand } from "../shell/index.js";
import { type Hit, type Nested } from "./hit.js";
/** Code nested deeper than the rules follow may hide anything: as risky as unreadable code. */
export declare function tooDeep(what: string): Hit;
/** Everything the rules say about one analysed command. */
export declare function classifyCommand(command: ShellCommand, analysis: ShellAnalysis, nested: Nested, stdinText: string | undefined): Hit[];
