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
import * as system from "../../../src/classify/tools/system-syntax.js";
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
  type Read,
  unsafeOptions,
  unsafeWord,
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

/** A help comparison: `tool --help` read by {@link parseHelp}, arities only, unless told. */
const help = (
  tool: string,
  syntax: Syntax,
  options: Partial<Omit<HelpCase, "tool" | "syntax">> = {},
): HelpCase => ({ tool, syntax, args: ["--help"], parse: parseHelp, complete: false, ...options });

const HELP_CASES: readonly HelpCase[] = [
  // `-nv, --no-verbose`: `-n` takes the letter, the long form none; `--max-redirect` and
  // `--hsts-file` take a value their help line does not show.
  help("wget", WGET, {
    complete: true,
    quirks: [
      "no-verbose",
      "no-clobber",
      "no-directories",
      "no-host-directories",
      "no-parent",
      "max-redirect",
      "hsts-file",
    ],
  }),
  ...["list", "show", "freeze", "check", "inspect", "hash"].map((command) =>
    help("pip", pipLevel(command), { args: [command, "--help"], complete: true }),
  ),
  ...["ls", "view", "outdated", "explain", "query"].map((command) =>
    help("npm", npmLevel(command), {
      args: [command, "--help"],
      parse: npmSynopsis,
      complete: command === "ls",
    }),
  ),
  help("dpkg", DPKG, { parse: dpkgHelp }),
  help("dpkg-query", DPKG_QUERY, { parse: dpkgHelp, complete: true }),
  help("gpg", GPG, { parse: gpgHelp }),
  help("route", ROUTE, { complete: true }),
  help("dmesg", system.DMESG, { complete: true }),
  // `-f  alias of -p`: the alias line does not repeat `-p[=<file>]`'s optional value.
  help("sysctl", system.SYSCTL, { complete: true, quirks: ["f"] }),
  // net-tools' help lines do not show values: `-F, --file` takes a file (hostname(1)),
  // `-i, --device` an interface and `-A, -p, --protocol` a family (arp(8)).
  help("hostname", system.HOSTNAME, { complete: true, quirks: ["F", "file"] }),
  help("arp", system.ARP, { complete: true, quirks: ["i", "device", "A", "p", "protocol"] }),
  help("swapon", system.SWAPON),
  help("mount", system.MOUNT),
  help("top", system.TOP, { args: ["-h"], parse: topHelp, complete: true }),
  ...(
    [
      ["timedatectl", system.TIMEDATECTL],
      ["hostnamectl", system.HOSTNAMECTL],
      ["localectl", system.LOCALECTL],
      ["loginctl", system.LOGINCTL],
      ["networkctl", system.NETWORKCTL],
    ] as const
  ).map(([tool, syntax]) => help(tool, syntax, { complete: true })),
  // `{ -cf | -conf } path`: the value follows the braces. `-b[atch] [filename]` reads as a
  // flag here; batch is not safe for a read either way.
  help("tc", TC, { args: ["-help"], parse: tcHelp, complete: true, quirks: ["cf", "conf"] }),
  help("badblocks", grammar("badblocks"), { args: [], parse: badblocksHelp, complete: true }),
  help("needrestart", NEEDRESTART, { args: ["-h"] }),
  help("go", GO_LIST, { args: ["help", "list"] }),
  help("rpm", RPM),
  help("iptables", IPTABLES),
  help("iptables-save", IPTABLES_SAVE),
  help("nft", NFT),
  help("http", HTTPIE),
  help("ufw", UFW),
  help("crictl", CRICTL),
  help("ctr", CTR),
  help("auditctl", system.AUDITCTL, { args: ["-h"] }),
  help("ipvsadm", system.IPVSADM),
  help("resolvectl", system.RESOLVECTL),
  help("ntpq", system.NTPQ),
  help("chronyc", system.CHRONYC, { args: ["-h"] }),
  help("tcpdump", system.TCPDUMP),
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
    // Every name of every unsafe option: the whole set, not a sample of abbreviations.
    const cases = reads(parser).flatMap((read) =>
      unsafeOptions(read).flatMap((option) =>
        abbreviations(option.level, option.def).map((_, k) => ({
          read,
          word: unsafeWord(option, k),
        })),
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
