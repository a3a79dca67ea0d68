import type { ShellCommand } from "../shell/index.js";
import { type Hit, type Nested } from "./hit.js";
/**
 * Hits for the code inside a built-in's arguments: the substitutions run inside it are
 * classified as commands; expansions whose value is evaluated as code are `modifying`.
 */
export declare function builtinHits(command: ShellCommand, nested: Nested): Hit[];
