import { type Syntax } from "../grammar/syntax.js";
/**
 * iptables and ip6tables (1.8, iptables(8)): getopt_long, so long options may be abbreviated
 * and written after operands. Commands are options; the rule requires `-L` or `-S`. `-Z`
 * zeroes the counters (even with `-L`) and `--modprobe` runs a program. `-w`'s optional
 * seconds are attached here; iptables also takes a following number, which can only land
 * among `-L`'s operands.
 */
export declare const IPTABLES: Syntax;
/** iptables-save: prints the rules; `-f` writes them to a file, `-M` runs a program. */
export declare const IPTABLES_SAVE: Syntax;
export declare const NFT: Syntax;
export declare const UFW: Syntax;
/**
 * net-tools' route (route(8)): without operands it prints the table; `add`/`del` change it
 * (judged by the rule), and any operand on a read is unknown.
 */
export declare const ROUTE: Syntax;
export declare const TC: Syntax;
/**
 * ethtool (6.1): its own parser, whole option names only; one show option (or none) and the
 * device. Setting, flashing, resetting and self-test (`-s`, `-K`, `-f`, `--reset`, `-t`…) are
 * not listed.
 */
export declare const ETHTOOL: Syntax;
