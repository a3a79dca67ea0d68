import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * Firewall and routing tools' grammars, for the commands their rules call reads. A level
 * lists only what shows state; any other command or option is unknown, so never a proven read.
 */

/**
 * iptables and ip6tables (1.8, iptables(8)): getopt_long, so long options may be abbreviated
 * and written after operands. Commands are options; the rule requires `-L` or `-S`. `-Z`
 * zeroes the counters (even with `-L`) and `--modprobe` runs a program. `-w`'s optional
 * seconds are attached here; iptables also takes a following number, which can only land
 * among `-L`'s operands.
 */
export const IPTABLES = syntax(
  "L,list S,list-rules n,numeric v,verbose x,exact line-numbers t,table= w,wait[=] W,wait-interval= 4,ipv4 6,ipv6 h,help V,version !Z,zero !modprobe=",
  { maxOperands: 2 },
);

/** iptables-save: prints the rules; `-f` writes them to a file, `-M` runs a program. */
export const IPTABLES_SAVE = syntax("c,counters t,table= h,help V,version !f,file= !M,modprobe=", {
  maxOperands: 0,
});

/** An nft object word: a family, an object kind or a name, never `;`, braces or a newline. */
const NFT_WORD = /^[A-Za-z0-9_.:/@-]+$/;

/**
 * nft (nftables 1.0, nft(8)): getopt_long options, then a command line nft joins with
 * spaces and parses, so a `;` among the words starts another command. Only `list` is a
 * read; `-f` and `-i` read commands from a file or the terminal, `-I` adds include paths.
 */
const NFT_OPTIONS =
  "h,help v,version V c,check j,json n,numeric s,stateless t,terse S,service N,reversedns u,guid y,numeric-priority p,numeric-protocol T,numeric-time a,handle e,echo d,debug= !f,file= !i,interactive !I,includepath= !o,optimize";

export const NFT = syntax(NFT_OPTIONS, {
  subcommands: { list: syntax(NFT_OPTIONS, { inherit: true, operands: NFT_WORD }) },
});

/**
 * ufw (0.36, ufw(8)): its own parser, no abbreviations. `status` (`verbose`, `numbered`),
 * `show REPORT` and `app list`/`app info PROFILE` read; `app update` and `app default`
 * change rules and policies.
 */
const UFW_OPTIONS = "dry-run version h,help";
const ufwLevel = (options: { operands?: RegExp; maxOperands?: number } = {}): Syntax =>
  syntax(UFW_OPTIONS, { abbreviate: false, ...options });

export const UFW = syntax(UFW_OPTIONS, {
  abbreviate: false,
  subcommands: {
    status: ufwLevel({ operands: /^(verbose|numbered)$/, maxOperands: 1 }),
    show: ufwLevel({
      operands:
        /^(raw|builtins|before-rules|user-rules|after-rules|logging-rules|listening|added)$/,
      maxOperands: 1,
    }),
    app: syntax(UFW_OPTIONS, {
      abbreviate: false,
      subcommands: { list: ufwLevel({ maxOperands: 0 }), info: ufwLevel() },
    }),
  },
});

/**
 * net-tools' route (route(8)): without operands it prints the table; `add`/`del` change it
 * (judged by the rule), and any operand on a read is unknown.
 */
export const ROUTE = syntax(
  "A= 4 6 F C v,verbose n,numeric e,extend N fib cache h,help V,version",
  {
    maxOperands: 0,
  },
);

/**
 * tc (iproute2 6.1): iproute2 takes the first option or verb a prefix matches, in its own
 * order (`tc qdisc l` is `link`, not `list`), so only whole names are read here, and the
 * shortest forms `tc -help` prints (`-s[tatistics]`, `-n[etns] name`, `-br[ief]`).
 * `-batch` reads commands from a file and `exec` runs a program; only `show`/`list`/`ls` of
 * an object read.
 */
const TC_OPTIONS =
  "s,statistics d,details r,raw o,oneline j,json p,pretty c,color V,Version n,netns= N,Numeric nm,names cf,conf= br,brief iec graph timestamp tshort help !b,batch !force";
const tcObject = (): Syntax =>
  syntax("", {
    abbreviate: false,
    singleDashLong: true,
    subcommands: Object.fromEntries(
      ["show", "list", "ls"].map((verb) => [verb, syntax("", { abbreviate: false })]),
    ),
  });
export const TC = syntax(TC_OPTIONS, {
  abbreviate: false,
  singleDashLong: true,
  subcommands: Object.fromEntries(
    ["qdisc", "class", "filter", "chain", "action", "actions"].map((o) => [o, tcObject()]),
  ),
});

/**
 * ethtool (6.1): its own parser, whole option names only; one show option (or none) and the
 * device. Setting, flashing, resetting and self-test (`-s`, `-K`, `-f`, `--reset`, `-t`…) are
 * not listed.
 */
export const ETHTOOL = syntax(
  "a,show-pause c,show-coalesce g,show-ring k,show-features,show-offload i,driver d,register-dump e,eeprom-dump S,statistics T,show-time-stamping l,show-channels m,dump-module-eeprom,module-info P,show-permaddr show-eee show-priv-flags show-fec x,show-rxfh-indir,show-rxfh u,show-ntuple show-tunnels show-module show-pse show-mm show-plca-config show-plca-status h,help version debug= json I,include-statistics all-groups",
  { abbreviate: false },
);
