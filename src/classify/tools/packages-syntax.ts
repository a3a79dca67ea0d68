import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * Package tools' grammars, for the commands their rules call reads. A level lists the
 * subcommands (or command options) that only read, and the options that shape their output;
 * anything else is unknown, so never a proven read. Options marked `!` point the tool at
 * another root, database, configuration or index, or write a file.
 */

/**
 * dpkg (1.21–1.22, `dpkg --help`, dpkg(1)): its own parser, options anywhere. Commands are
 * options; the rule requires one of {@link DPKG_READ_COMMANDS}. `--admindir`, `--root`,
 * `--instdir` read another system, the hooks and `--status-logger` run commands, `--log`
 * writes.
 */
export const DPKG = syntax(
  "s,status p,print-avail L,listfiles l,list S,search C,audit get-selections yet-to-unpack predep-package print-architecture print-foreign-architectures compare-versions assert-help force-help c,contents I,info f,field ?,help version no-pager robot D,debug= status-fd= verify-format= no-act,dry-run,simulate !admindir= !root= !instdir= !pre-invoke= !post-invoke= !status-logger= !log=",
  { abbreviate: false },
);

/** The dpkg command options that only read (first long name, or the letter). */
export const DPKG_READ_COMMANDS: readonly string[] = [
  "status",
  "print-avail",
  "listfiles",
  "list",
  "search",
  "audit",
  "get-selections",
  "yet-to-unpack",
  "predep-package",
  "print-architecture",
  "print-foreign-architectures",
  "compare-versions",
  "assert-help",
  "force-help",
  "contents",
  "info",
  "field",
];

/** dpkg-query (`dpkg-query --help`): every command reads; `--admindir`/`--root` read another system. */
export const DPKG_QUERY = syntax(
  "s,status p,print-avail L,listfiles l,list W,show S,search control-list control-show c,control-path ?,help version load-avail no-pager f,showformat= !admindir= !root=",
  { abbreviate: false },
);

/**
 * APT's command-line options (apt 2.x, apt-get(8), apt-cache(8)): APT's own parser takes no
 * abbreviations; `-o`/`-c` change any configuration item (and so can turn a simulation
 * off), `--with-source` adds a package file.
 */
const APT_COMMON = "h,help v,version q,quiet !c,config-file= !o,option= !with-source=";
const APT_GET =
  "no-install-recommends install-suggests d,download-only f,fix-broken m,ignore-missing,fix-missing no-download s,simulate,just-print,dry-run,recon,no-act y,yes,assume-yes assume-no no-show-upgraded V,verbose-versions a,host-architecture= P,build-profiles= b,compile,build ignore-hold with-new-pkgs no-upgrade only-upgrade allow-downgrades allow-remove-essential allow-change-held-packages force-yes print-uris purge reinstall list-cleanup t,target-release,default-release= trivial-only mark-auto no-remove auto-remove,autoremove only-source diff-only,dsc-only,tar-only arch-only indep-only allow-unauthenticated allow-insecure-repositories allow-releaseinfo-change show-progress e,error-on=";
const APT_LIST = "installed upgradable manual-installed a,all-versions";
const APT_SEARCH = "n,names-only f,full";
const APT_CACHE_OPTIONS =
  "i,important no-pre-depends no-depends no-recommends no-suggests no-conflicts no-breaks no-replaces no-enhances implicit f,full a,all-versions names-only,n all-names recurse installed !p,pkg-cache= !s,src-cache= !g,generate";

/** The apt-get verbs a simulation (`-s`) may name; the packages rule requires `-s` for them. */
const SIMULATED = [
  "install",
  "reinstall",
  "remove",
  "purge",
  "upgrade",
  "dist-upgrade",
  "full-upgrade",
  "dselect-upgrade",
  "autoremove",
  "autopurge",
  "build-dep",
  "satisfy",
];

const aptLevel = (spec: string): Syntax =>
  syntax(`${APT_COMMON} ${APT_GET} ${spec}`, { abbreviate: false });

const aptVerbs = (reads: readonly string[], spec: string): Syntax =>
  syntax(`${APT_COMMON} ${APT_GET}`, {
    abbreviate: false,
    subcommands: Object.fromEntries(
      [...reads, ...SIMULATED].map((verb) => [verb, aptLevel(spec)] as const),
    ),
  });

/** `apt` (list, search, show, policy… and simulations). */
export const APT = aptVerbs(
  [
    "list",
    "search",
    "show",
    "showsrc",
    "policy",
    "depends",
    "rdepends",
    "madison",
    "changelog",
    "help",
  ],
  `${APT_LIST} ${APT_SEARCH}`,
);

/** `apt-get` (changelog, check and simulations). */
export const APT_GET_SYNTAX = aptVerbs(["changelog", "check"], "");

/** apt-cache: every listed command reads the local cache; `gencaches` and `-g`/`-p`/`-s` write one. */
export const APT_CACHE = syntax(`${APT_COMMON} ${APT_CACHE_OPTIONS}`, {
  abbreviate: false,
  subcommands: Object.fromEntries(
    [
      "show",
      "showsrc",
      "search",
      "depends",
      "rdepends",
      "pkgnames",
      "policy",
      "madison",
      "stats",
      "showpkg",
      "dump",
      "dumpavail",
      "unmet",
      "dotty",
      "xvcg",
    ].map((verb) => [verb, syntax(`${APT_COMMON} ${APT_CACHE_OPTIONS}`, { abbreviate: false })]),
  ),
});

/** apt-mark's listing commands; `-f` names another state file. */
export const APT_MARK = syntax(`${APT_COMMON} !f,file=`, {
  abbreviate: false,
  subcommands: Object.fromEntries(
    ["showauto", "showmanual", "showhold", "showinstall", "showremove", "showpurge"].map((verb) => [
      verb,
      syntax(`${APT_COMMON} !f,file=`, { abbreviate: false }),
    ]),
  ),
});

/**
 * rpm's query mode (rpm 4.16–4.19, rpm(8), popt: no abbreviations, options anywhere). The
 * rule requires `-q`. `--root`, `--dbpath`, `-D`/`--define`, `--macros`, `--rcfile` and
 * `--load` change where rpm reads and which macros it runs; `--eval` and `--pipe` run shell
 * through macros or a pipe; `--specfile` parses a spec (its macros run shell). Verifying
 * (`-V`) runs the packages' `%verifyscript` and is no read.
 */
export const RPM = syntax(
  "q,query a,all f,file p,package g,group whatprovides whatrequires whatrecommends whatsuggests whatsupplements whatenhances whatconflicts whatobsoletes triggeredby pkgid hdrid tid querybynumber path qf,queryformat= i,info l,list c,configfiles d,docfiles L,licensefiles A,artifactfiles dump provides R,requires recommends suggests supplements enhances conflicts obsoletes changelog changes xml s,state scripts triggers,triggerscripts filetriggers fileclass filecolor fileprovide filerequire filecaps filesbypkg last noghost noconfig noartifact v,verbose quiet nodigest nosignature nofiles K,checksig showrc version ?,help usage !r,root= !dbpath= !D,define= !undefine= !E,eval= !macros= !rcfile= !load= !pipe= !specfile",
  { abbreviate: false },
);

/**
 * pip's options (pip 23–25, `pip COMMAND --help`): optparse, so long options may be
 * abbreviated; general options are accepted before or after the command. `--python` runs
 * pip under another interpreter, `--log` writes, and the index options (`-i`,
 * `--extra-index-url`, `-f`, `-o`/`-u` which ask an index) contact a server the script
 * names.
 */
const PIP_GENERAL =
  "h,help debug isolated require-virtualenv v,verbose V,version q,quiet no-input keyring-provider= proxy= retries= timeout= exists-action= trusted-host= cert= client-cert= no-cache-dir disable-pip-version-check no-color no-python-version-warning use-feature= use-deprecated= root-user-action= !python= !log= !cache-dir= !src=";
const pipLevel = (spec: string): Syntax => syntax(`${PIP_GENERAL} ${spec}`);

export const PIP = syntax(PIP_GENERAL, {
  subcommands: {
    list: pipLevel(
      "e,editable l,local user path= pre format= not-required exclude-editable include-editable exclude= no-index !o,outdated !u,uptodate !i,index-url= !extra-index-url= !f,find-links=",
    ),
    show: pipLevel("f,files"),
    freeze: pipLevel("r,requirement= l,local user path= all exclude-editable exclude="),
    check: pipLevel(""),
    inspect: pipLevel("local user path="),
    help: pipLevel(""),
    hash: pipLevel("a,algorithm="),
    debug: pipLevel("platform= python-version= implementation= abi="),
  },
});

/**
 * npm's options for its read commands (npm 9–11, `npm help COMMAND`): nopt, with
 * abbreviations taken as unknown here, `--no-NAME` and `--NAME=false`. `--prefix`, `-C`,
 * `--userconfig`, `--globalconfig` load another project or configuration, `--logs-dir`
 * writes logs. `docs`, `repo`, `bugs`, `fund PKG` open a browser, `doctor` verifies (and
 * cleans) the cache: none is listed. The `--dry-run` verbs are reads only for the rule.
 */
const NPM_COMMON =
  "d loglevel= s,silent q,quiet json p,parseable l,long a,all g,global depth= omit= include= link package-lock-only unicode color= no-color w,workspace= ws,workspaces include-workspace-root install-links registry= dry-run production dev expect-results expect-result-count= h,help v,version !C,prefix= !userconfig= !globalconfig= !logs-dir= !cache=";
const npmLevel = (maxOperands?: number): Syntax =>
  syntax(NPM_COMMON, {
    abbreviate: false,
    singleDashLong: true,
    ...(maxOperands === undefined ? {} : { maxOperands }),
  });

export const NPM = syntax(NPM_COMMON, {
  abbreviate: false,
  singleDashLong: true,
  subcommands: {
    ...Object.fromEntries(
      [
        "ls",
        "list",
        "ll",
        "la",
        "view",
        "v",
        "info",
        "show",
        "outdated",
        "search",
        "s",
        "get",
        "whoami",
        "audit",
        "explain",
        "why",
        "query",
        "root",
        "prefix",
        "bin",
        "install",
        "i",
        "ci",
        "uninstall",
        "update",
        "dedupe",
        "prune",
      ].map((verb) => [verb, npmLevel()]),
    ),
    help: npmLevel(0),
    fund: npmLevel(0),
  },
});

/**
 * needrestart (3.6, `needrestart -h`): its own parser. A read lists only: batch (`-b`),
 * Nagios (`-p`) or OpenMetrics (`-o`) output, or the restart mode `-r l`; `-r a|i` restart
 * services, `-c` loads a Perl configuration, `-f`/`-u` choose a frontend module.
 */
export const NEEDRESTART = syntax("v q m= n !c= r=l b p o !f= t= !u= k l w h", {
  abbreviate: false,
  maxOperands: 0,
});

/**
 * go's reading commands (go 1.21–1.23, `go help list`): Go's flag package, one dash or two,
 * no abbreviations. `go env -w|-u` writes the go env file; `go list -export|-compiled` and
 * the build flags that name programs (`-toolexec`, `-exec`, `-overlay`) build or run code;
 * `-mod=mod` may rewrite go.mod; `go vet` builds and runs analysers, so it is not listed.
 */
const goLevel = (spec: string): Syntax =>
  syntax(`h,help ${spec}`, { abbreviate: false, singleDashLong: true });
export const GO = syntax("h,help", {
  abbreviate: false,
  singleDashLong: true,
  subcommands: {
    version: goLevel("m v"),
    env: goLevel("json changed !w !u"),
    list: goLevel(
      "f= json[=] m u versions retracted e deps test find reuse= tags= mod=readonly|vendor C= !export !compiled !toolexec= !exec= !overlay= !modfile= !pgo=",
    ),
    doc: goLevel("all c cmd short src u"),
    help: goLevel(""),
  },
});
