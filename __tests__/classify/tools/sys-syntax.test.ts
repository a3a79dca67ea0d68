import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { classifyScript, loadBashParser } from "../../../src/classify/index.js";
import { definitionsOf, type Syntax } from "../../../src/classify/grammar/syntax.js";
import { toolFor } from "../../../src/classify/registry.js";
import { GPG } from "../../../src/classify/tools/crypto-syntax.js";
import { CRICTL, CTR } from "../../../src/classify/tools/docker-syntax.js";
import { HTTPIE, WGET } from "../../../src/classify/tools/http-syntax.js";
import {
  IPTABLES,
  IPTABLES_SAVE,
  NFT,
  ROUTE,
  TC,
  UFW,
} from "../../../src/classify/tools/network-syntax.js";
import {
  APT,
  DPKG,
  DPKG_QUERY,
  GO,
  NEEDRESTART,
  NPM,
  PIP,
  RPM,
} from "../../../src/classify/tools/packages-syntax.js";
import {
  ARP,
  AUDITCTL,
  CHRONYC,
  NTPQ,
  RESOLVECTL,
  TCPDUMP,
  DMESG,
  HOSTNAME,
  HOSTNAMECTL,
  IPVSADM,
  LOCALECTL,
  LOGINCTL,
  NETWORKCTL,
  TIMEDATECTL,
  MOUNT,
  SWAPON,
  SYSCTL,
  TOP,
} from "../../../src/classify/tools/system-syntax.js";
import { analyzeShell } from "../../../src/shell/index.js";
import { readCommandTable } from "../command-table.js";
import {
  type HelpOption,
  helpText,
  mismatches,
  parseHelp,
  tableArity,
} from "../grammar/help-options.js";
import {
  abbreviations,
  insertedOption,
  levels,
  optionWord,
  type Read,
} from "../grammar/insertion.js";

/** The tools this file holds to their grammars, as the registry names them. */
const TOOLS = [
  "wget",
  "http",
  "https",
  "gpg",
  "dpkg",
  "dpkg-query",
  "rpm",
  "apt",
  "apt-get",
  "apt-cache",
  "apt-mark",
  "pip",
  "pip3",
  "npm",
  "iptables",
  "ip6tables",
  "iptables-save",
  "ip6tables-save",
  "nft",
  "ufw",
  "route",
  "crictl",
  "ctr",
  "gpg2",
  "go",
  "needrestart",
  "dmesg",
  "sysctl",
  "hostname",
  "mount",
  "swapon",
  "top",
  "arp",
  "ifconfig",
  "timedatectl",
  "hostnamectl",
  "localectl",
  "loginctl",
  "networkctl",
  "auditctl",
  "ipvsadm",
  "resolvectl",
  "ntpq",
  "chronyc",
  "tcpdump",
  "ssh-keygen",
  "ethtool",
  "mdadm",
  "hdparm",
  "badblocks",
  "tc",
];

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

describe("each tool has a grammar", () => {
  it.each(TOOLS)("%s", (name) => {
    const match = toolFor(name);
    expect(match?.name).toBe(name);
    expect(match?.family.syntax?.[name]).toBeDefined();
  });
});

/** The options `npm help`'s synopsis lists: `[-a|--all] [--depth <depth>]`. */
function npmSynopsis(text: string): HelpOption[] {
  const out: HelpOption[] = [];
  for (const m of text.matchAll(/\[(?:-(\w)\|)?--([\w-]+)( <[^>]+>)?/g))
    out.push({
      names: [m[1], m[2]].filter((n): n is string => n !== undefined),
      arity: m[3] === undefined ? "none" : "required",
    });
  return out;
}

/**
 * dpkg's help: under "Commands:" a command's `<package>…` are operands; under "Options:"
 * `--admindir=<directory>` and `--status-fd <n>` take a value. Lines read
 * `  -s|--status [<package>...]`.
 */
function dpkgHelp(text: string): HelpOption[] {
  const out: HelpOption[] = [];
  const options = text.indexOf("\nOptions:");
  for (const m of text.matchAll(/^ {2}(?:-(\S)\|)?--([\w-]+)(=<| <)?/gm)) {
    const names = [m[1], m[2]].filter((n): n is string => n !== undefined);
    const value = m[3] !== undefined && options >= 0 && (m.index ?? 0) > options;
    out.push({ names, arity: value ? "required" : "none" });
  }
  return out;
}

/** top's help lines: `-d, --delay =SECS [.TENTHS]`, `-w, --width [=COLUMNS]`. */
function topHelp(text: string): HelpOption[] {
  return [...text.matchAll(/^ -(\w), --([\w-]+)( \[=| =)?/gm)].map((m) => ({
    names: [m[1] ?? "", m[2] ?? ""],
    arity: m[3] === undefined ? "none" : m[3].includes("[") ? "optional" : "required",
  }));
}

/** tc's synopsis: `-s[tatistics]`, `-n[etns] name`, `{ -cf | -conf } path`, `-nm`. */
function tcHelp(text: string): HelpOption[] {
  const block = text.slice(text.indexOf("OPTIONS :="));
  return [...block.matchAll(/-(\w+)(?:\[(\w+)\])?( (?:name|path)\b)?/g)].map((m) => ({
    names: [`${m[1] ?? ""}${m[2] ?? ""}`],
    arity: m[3] === undefined ? "none" : "required",
  }));
}

/** badblocks' usage: `[-b block_size]`, `[-svwnfBX]`. */
function badblocksHelp(text: string): HelpOption[] {
  const out: HelpOption[] = [];
  for (const m of text.matchAll(/\[-(\w+)( \w+)?/g)) {
    const letters = m[1] ?? "";
    if (m[2] !== undefined) out.push({ names: [letters], arity: "required" });
    else for (const letter of letters) out.push({ names: [letter], arity: "none" });
  }
  return out;
}

/** gpg's help without its closing examples, whose `--list-keys [names]` are operands. */
const gpgHelp = (text: string): HelpOption[] => parseHelp(text.split("\nExamples:")[0] ?? "");

/**
 * Only options the table lists, compared by arity: for a tool whose grammar lists just its
 * reading commands (`dpkg -i` is deliberately unknown), a missing option only costs an
 * approval, but a value-taking option written as a flag would let its value pass for an operand.
 */
function arityMismatches(syntax: Syntax, help: readonly HelpOption[]): string[] {
  return help.flatMap((option) =>
    option.names.flatMap((name) => {
      const arity = tableArity(syntax, name);
      return arity === undefined ||
        arity === option.arity ||
        (option.arity === "optional" && arity === "required")
        ? []
        : [`${name}: table ${arity}, help ${option.arity}`];
    }),
  );
}

interface HelpCase {
  readonly tool: string;
  readonly args: readonly string[];
  readonly syntax: Syntax;
  readonly parse: (text: string) => HelpOption[];
  /** Every option the help lists is in the table (not only the ones the table lists). */
  readonly complete: boolean;
  readonly quirks?: readonly string[];
}

/** The grammar the registry gives `name`. */
function grammar(name: string): Syntax {
  const found = toolFor(name)?.family.syntax?.[name];
  if (found === undefined) throw new Error(`${name} has no grammar`);
  return found;
}

const pipLevel = (name: string): Syntax => PIP.subcommands.get(name) ?? PIP;
const npmLevel = (name: string): Syntax => NPM.subcommands.get(name) ?? NPM;
const GO_LIST = GO.subcommands.get("list") ?? GO;

const HELP_CASES: readonly HelpCase[] = [
  {
    tool: "wget",
    args: ["--help"],
    syntax: WGET,
    parse: parseHelp,
    complete: true,
    // `-nv, --no-verbose`: `-n` takes the letter, the long form none; `--max-redirect` and
    // `--hsts-file` take a value their help line does not show.
    quirks: [
      "no-verbose",
      "no-clobber",
      "no-directories",
      "no-host-directories",
      "no-parent",
      "max-redirect",
      "hsts-file",
    ],
  },
  ...["list", "show", "freeze", "check", "inspect", "hash"].map((command): HelpCase => ({
    tool: "pip",
    args: [command, "--help"],
    syntax: pipLevel(command),
    parse: parseHelp,
    complete: true,
  })),
  ...["ls", "view", "outdated", "explain", "query"].map((command): HelpCase => ({
    tool: "npm",
    args: [command, "--help"],
    syntax: npmLevel(command),
    parse: npmSynopsis,
    complete: command === "ls",
    // npm ls's `--install-links` changes nothing for a listing; listed above as safe.
  })),
  { tool: "dpkg", args: ["--help"], syntax: DPKG, parse: dpkgHelp, complete: false },
  { tool: "dpkg-query", args: ["--help"], syntax: DPKG_QUERY, parse: dpkgHelp, complete: true },
  { tool: "gpg", args: ["--help"], syntax: GPG, parse: gpgHelp, complete: false },
  { tool: "route", args: ["--help"], syntax: ROUTE, parse: parseHelp, complete: true },
  { tool: "dmesg", args: ["--help"], syntax: DMESG, parse: parseHelp, complete: true },
  // `-f  alias of -p`: the alias line does not repeat `-p[=<file>]`'s optional value.
  {
    tool: "sysctl",
    args: ["--help"],
    syntax: SYSCTL,
    parse: parseHelp,
    complete: true,
    quirks: ["f"],
  },
  // net-tools' help lines do not show values: `-F, --file` takes a file (hostname(1)),
  // `-i, --device` an interface and `-A, -p, --protocol` a family (arp(8)).
  {
    tool: "hostname",
    args: ["--help"],
    syntax: HOSTNAME,
    parse: parseHelp,
    complete: true,
    quirks: ["F", "file"],
  },
  ...(
    [
      ["timedatectl", TIMEDATECTL],
      ["hostnamectl", HOSTNAMECTL],
      ["localectl", LOCALECTL],
      ["loginctl", LOGINCTL],
      ["networkctl", NETWORKCTL],
    ] as const
  ).map(([tool, syntax]): HelpCase => ({
    tool,
    args: ["--help"],
    syntax,
    parse: parseHelp,
    complete: true,
  })),
  { tool: "auditctl", args: ["-h"], syntax: AUDITCTL, parse: parseHelp, complete: false },
  { tool: "ipvsadm", args: ["--help"], syntax: IPVSADM, parse: parseHelp, complete: false },
  { tool: "resolvectl", args: ["--help"], syntax: RESOLVECTL, parse: parseHelp, complete: false },
  { tool: "ntpq", args: ["--help"], syntax: NTPQ, parse: parseHelp, complete: false },
  { tool: "chronyc", args: ["-h"], syntax: CHRONYC, parse: parseHelp, complete: false },
  // `{ -cf | -conf } path`: the value follows the braces. `-b[atch] [filename]` reads as a
  // flag here; batch is not safe for a read either way.
  {
    tool: "tc",
    args: ["-help"],
    syntax: TC,
    parse: tcHelp,
    complete: true,
    quirks: ["cf", "conf"],
  },
  {
    tool: "badblocks",
    args: [],
    syntax: grammar("badblocks"),
    parse: badblocksHelp,
    complete: true,
  },
  { tool: "tcpdump", args: ["--help"], syntax: TCPDUMP, parse: parseHelp, complete: false },
  { tool: "swapon", args: ["--help"], syntax: SWAPON, parse: parseHelp, complete: false },
  { tool: "mount", args: ["--help"], syntax: MOUNT, parse: parseHelp, complete: false },
  { tool: "top", args: ["-h"], syntax: TOP, parse: topHelp, complete: true },
  {
    tool: "arp",
    args: ["--help"],
    syntax: ARP,
    parse: parseHelp,
    complete: true,
    quirks: ["i", "device", "A", "p", "protocol"],
  },
  { tool: "needrestart", args: ["-h"], syntax: NEEDRESTART, parse: parseHelp, complete: false },
  { tool: "go", args: ["help", "list"], syntax: GO_LIST, parse: parseHelp, complete: false },
  { tool: "rpm", args: ["--help"], syntax: RPM, parse: parseHelp, complete: false },
  { tool: "iptables", args: ["--help"], syntax: IPTABLES, parse: parseHelp, complete: false },
  {
    tool: "iptables-save",
    args: ["--help"],
    syntax: IPTABLES_SAVE,
    parse: parseHelp,
    complete: false,
  },
  { tool: "nft", args: ["--help"], syntax: NFT, parse: parseHelp, complete: false },
  { tool: "http", args: ["--help"], syntax: HTTPIE, parse: parseHelp, complete: false },
  { tool: "ufw", args: ["--help"], syntax: UFW, parse: parseHelp, complete: false },
  { tool: "crictl", args: ["--help"], syntax: CRICTL, parse: parseHelp, complete: false },
  { tool: "ctr", args: ["--help"], syntax: CTR, parse: parseHelp, complete: false },
];

describe("grammars against the installed tools' help", () => {
  for (const c of HELP_CASES) {
    const text = helpText(c.tool, c.args);
    const installed = text !== undefined && text.length > 0;
    // A tool missing here is named in the test title, so the skip is visible in the report.
    it.skipIf(!installed)(
      `${c.tool} ${c.args.join(" ")}${installed ? "" : " (not installed here: skipped)"}`,
      () => {
        const help = c.parse(text ?? "");
        expect(help.length, "the help parser read no options").toBeGreaterThan(0);
        expect(
          c.complete ? mismatches(c.syntax, help, c.quirks) : arityMismatches(c.syntax, help),
        ).toEqual([]);
      },
    );
  }

  const dump = helpText("gpg", ["--dump-options"]);
  it.skipIf(dump === undefined)("every gpg option the table names is one gpg knows", () => {
    const known = new Set((dump ?? "").split("\n").map((line) => line.replace(/^--/, "")));
    const unknown = definitionsOf(GPG).flatMap((def) =>
      def.names.filter((n) => n.length > 1 && !known.has(n)),
    );
    expect(known.size).toBeGreaterThan(100);
    expect(unknown).toEqual([]);
  });

  it("apt prints no option list in its help; its grammar follows apt-get(8) and apt-cache(8)", () => {
    // Checked by hand against the man pages: the value-taking ones are exactly these.
    const values = definitionsOf(APT)
      .filter((d) => d.arity !== "none")
      .flatMap((d) => d.names.filter((n) => n.length > 1));
    expect(values.sort()).toEqual(
      [
        "build-profiles",
        "config-file",
        "default-release",
        "error-on",
        "host-architecture",
        "option",
        "target-release",
        "with-source",
      ].sort(),
    );
  });
});

/** Read-only rows of the command table that are one plain command of one of {@link TOOLS}. */
function reads(p: Parser): Read[] {
  return readCommandTable()
    .filter((row) => row.level === "read_only")
    .flatMap((row): Read[] => {
      const analysis = analyzeShell(p, row.command);
      const command = analysis.commands[0];
      if (analysis.commands.length !== 1 || command === undefined) return [];
      if (command.assignments.length > 0 || command.argv.some((w) => w.dynamic)) return [];
      const match = toolFor(command.name);
      const syntax = match?.family.syntax?.[match.name];
      if (match === undefined || syntax === undefined || !TOOLS.includes(match.name)) return [];
      return [{ name: command.name, args: command.argv.slice(1).map((w) => w.value), syntax }];
    });
}

const expectNoRead = (line: string | undefined): void => {
  fc.pre(line !== undefined);
  expect(classifyScript(parser, "bash", line ?? "").risk, line).not.toBe("read_only");
};

describe("closed world over the system, package, network and runtime tools", () => {
  it("the command table has reads of most of them", () => {
    const names = new Set(reads(parser).map((r) => r.name));
    expect(names.size).toBeGreaterThanOrEqual(18);
  });

  it("an unknown option, anywhere, makes a read not read_only", () => {
    const all = reads(parser);
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.nat(),
        fc.oneof(
          fc.stringMatching(/^--zz[a-z]{1,8}(=[a-z]{1,4})?$/),
          fc.constantFrom("-\u00e9", "--frobnicate", "--no-such-option=1", "-%"),
        ),
        (read, position, word) => expectNoRead(insertedOption(read, position, word)),
      ),
      { numRuns: 300 },
    );
  });

  it("an option the grammar does not list as safe, however abbreviated, makes a read not read_only", () => {
    const cases = reads(parser).flatMap((read) =>
      levels(read.syntax, read.args).flatMap((level) =>
        definitionsOf(level)
          .filter((def) => !def.safe)
          .flatMap((def) =>
            abbreviations(level, def).map((name) => ({
              read,
              word: optionWord(
                name,
                def.arity,
                def.names.some((n) => n.length > 1),
              ),
            })),
          ),
      ),
    );
    expect(cases.length).toBeGreaterThan(300);
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.nat(), ({ read, word }, position) =>
        expectNoRead(insertedOption(read, position, word)),
      ),
      { numRuns: 800 },
    );
  });
});
