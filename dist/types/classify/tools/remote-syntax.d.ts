import { type Syntax } from "../grammar/syntax.js";
/**
 * OpenSSH 9 `ssh` (its usage line and ssh(1)); getopt without long options, options end at the
 * destination. `!` marks what listens, forwards, runs or loads something on this machine, writes
 * a file, or outlives the step: port and agent forwarding, `-f`, `-M`/`-S`/`-O` control
 * sockets, `-E` log file, `-F` configuration, `-I` PKCS#11 library, `-s` subsystem, `-W`/`-w`.
 */
export declare const SSH: Syntax;
/**
 * `ssh -o Key=value` keys that only choose how to connect (ssh_config(5)); any other key (the
 * ones that run local commands, forward ports or agents, write files) is not a proven read.
 * A value pattern, where given, limits the value (`UserKnownHostsFile` may only be `/dev/null`:
 * ssh writes new host keys to that file).
 */
export declare const SSH_CONNECT_KEYS: ReadonlyMap<string, RegExp | undefined>;
/** `docker exec …` and `docker compose exec …` from the word after `docker`. */
export declare const CONTAINER_EXEC: Syntax;
