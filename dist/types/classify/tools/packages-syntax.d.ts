import { type Syntax } from "../grammar/syntax.js";
/**
 * dpkg (1.21–1.22, `dpkg --help`, dpkg(1)): its own parser, options anywhere. Commands are
 * options; the rule requires one of {@link DPKG_READ_COMMANDS}. `--admindir`, `--root`,
 * `--instdir` read another system, the hooks and `--status-logger` run commands, `--log`
 * writes.
 */
export declare const DPKG: Syntax;
/** The dpkg command options that only read (first long name, or the letter). */
export declare const DPKG_READ_COMMANDS: readonly string[];
/** dpkg-query (`dpkg-query --help`): every command reads; `--admindir`/`--root` read another system. */
export declare const DPKG_QUERY: Syntax;
/** `apt` (list, search, show, policy… and simulations). */
export declare const APT: Syntax;
/** `apt-get` (changelog, check and simulations). */
export declare const APT_GET_SYNTAX: Syntax;
/** apt-cache: every listed command reads the local cache; `gencaches` and `-g`/`-p`/`-s` write one. */
export declare const APT_CACHE: Syntax;
/** apt-mark's listing commands; `-f` names another state file. */
export declare const APT_MARK: Syntax;
/**
 * rpm's query mode (rpm 4.16–4.19, rpm(8), popt: no abbreviations, options anywhere). The
 * rule requires `-q`. `--root`, `--dbpath`, `-D`/`--define`, `--macros`, `--rcfile` and
 * `--load` change where rpm reads and which macros it runs; `--eval` and `--pipe` run shell
 * through macros or a pipe; `--specfile` parses a spec (its macros run shell). Verifying
 * (`-V`) runs the packages' `%verifyscript` and is no read.
 */
export declare const RPM: Syntax;
export declare const PIP: Syntax;
export declare const NPM: Syntax;
/**
 * needrestart (3.6, `needrestart -h`): its own parser. A read lists only: batch (`-b`),
 * Nagios (`-p`) or OpenMetrics (`-o`) output, or the restart mode `-r l`; `-r a|i` restart
 * services, `-c` loads a Perl configuration, `-f`/`-u` choose a frontend module.
 */
export declare const NEEDRESTART: Syntax;
export declare const GO: Syntax;
