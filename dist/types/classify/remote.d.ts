import type { ShellCommand } from "../shell/index.js";
import { type Hit } from "./hit.js";
/**
 * The rule for commands carried elsewhere (`ssh host cat /etc/hosts`, `kubectl exec pod -- cat
 * /etc/resolv.conf`, `docker exec c ps`): the carried command is classified like a local one,
 * and each wrapper on the way must be fully understood too, its options held to its grammar
 * (closed world); words a remote shell reads again are rated by `reparsedHits` like any
 * inner script's. Anything else keeps the command from being a proven read.
 */
export declare function remoteHits(command: ShellCommand): Hit[];
/**
 * A command from shell text that another shell built by expansion (`bash -c "cat $F"`,
 * `ssh host cat "$F"`, `bash <<EOF` with `$…`): the value is read as code, so whatever the
 * text looks like, it may run anything, and a parameter's value would no longer be data.
 */
export declare function reparsedHits(command: ShellCommand): Hit[];
