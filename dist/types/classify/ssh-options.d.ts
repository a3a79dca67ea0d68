import type { ShellCommand } from "../shell/index.js";
import { type Hit, type Nested } from "./hit.js";
/**
 * `ssh -o ProxyCommand='…'` and `-o LocalCommand=…` run a local command (classified like any
 * other); `-F file` reads a configuration the rules cannot see, which may do the same.
 */
export declare function sshOptionHits(command: ShellCommand, nested: Nested): Hit[];
