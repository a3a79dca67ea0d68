import { type Syntax } from "../grammar/syntax.js";
export declare const SYSTEMCTL: Syntax;
export declare const JOURNALCTL: Syntax;
/** dmesg: `-c`/`-C` clear the ring buffer, `-D`/`-E`/`-n` change what reaches the console. */
export declare const DMESG: Syntax;
/** sysctl: variable names only; `NAME=value`, `-w`, `-p`/`-f`/`--load` and `--system` write. */
export declare const SYSCTL: Syntax;
/** hostname: an operand, `-F` and `-b` set the name. */
export declare const HOSTNAME: Syntax;
/** mount without operands lists; `-t` limits the list, `-l` adds labels. */
export declare const MOUNT: Syntax;
/** swapon: only the summaries; an operand or `-a` turns swap on. */
export declare const SWAPON: Syntax;
/** top (procps-ng 4): nothing it takes writes; `-s` only restricts. No operands. */
export declare const TOP: Syntax;
/** arp (net-tools): `-d`, `-s`, `-f` change the cache. */
export declare const ARP: Syntax;
/** ifconfig (net-tools): its own parser; an interface alone reads, anything after it sets. */
export declare const IFCONFIG: Syntax;
/** timedatectl (systemd 252): the `set-*` verbs change the clock. */
export declare const TIMEDATECTL: Syntax;
/** hostnamectl: a verb with a NAME sets it. */
export declare const HOSTNAMECTL: Syntax;
/** localectl: the `list-*` verbs and `status`. */
export declare const LOCALECTL: Syntax;
/** loginctl: listings and status; `activate`, `attach`, `lock-*`, `flush-devices`… change. */
export declare const LOGINCTL: Syntax;
/** networkctl: `list`, `status`, `lldp`, `label`; the others change links. */
export declare const NETWORKCTL: Syntax;
/**
 * auditctl (audit 3): `-l` lists rules, `-s` shows the status; any other option adds,
 * deletes or changes rules (`-D`, `-e 0`, `-w`, `-a`), so it is not listed.
 */
export declare const AUDITCTL: Syntax;
/**
 * ipvsadm (1.31, popt): `-L`/`-l` lists with its display options; `-C` clears, `-A`/`-E`/
 * `-D`/`-a`/`-e`/`-d`/`-R`/`-S`/`-Z` change or zero the table.
 */
export declare const IPVSADM: Syntax;
export declare const RESOLVECTL: Syntax;
/**
 * ntpq (ntp 4.2.8, AutoOpts: unique prefixes of long options). `-c` runs an ntpq command:
 * only the listed ones show state (`:config`, `config-from-file`, `writevar` change the
 * server); `--save-opts` writes and `--load-opts` reads an option file.
 */
export declare const NTPQ: Syntax;
export declare const CHRONYC: Syntax;
/**
 * tcpdump (4.99, getopt_long): capturing and printing only. `-w` writes a capture, `-z`
 * runs a program on each file it closes, `-I` switches the interface to monitor mode,
 * `-V`, `-F` and `-r` read files, `-Z` drops privileges. Operands are the filter.
 */
export declare const TCPDUMP: Syntax;
