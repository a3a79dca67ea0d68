import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { classifyScript, loadBashParser } from "../../../src/classify/index.js";
import { parseArgs } from "../../../src/classify/grammar/parse.js";
import { definitionsOf, type Syntax } from "../../../src/classify/grammar/syntax.js";
import { toolFor } from "../../../src/classify/registry.js";
import { FIND, TAR } from "../../../src/classify/tools/files-syntax.js";
import { analyzeShell, bashOnlyConstructs } from "../../../src/shell/index.js";
import { readCommandTable } from "../command-table.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const rows = readCommandTable();
const readOnlyRows = rows.filter((r) => r.level === "read_only");

/** Quote a word for a command line. */
const quote = (w: string): string =>
  /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;

/** The grammar the rules hold a command to, or `undefined` when its family has none. */
function grammarOf(name: string): Syntax | undefined {
  // find and tar hold their expression / old-style letters to the grammar inside their rule.
  if (name === "find") return FIND;
  if (name === "tar") return TAR;
  const match = toolFor(name);
  return match?.family.syntax?.[match.name];
}

interface Simple {
  readonly row: string;
  readonly name: string;
  readonly args: readonly string[];
  readonly syntax: Syntax;
}

/** Read-only rows that are one plain command of a tool with a grammar (`ls -la /var/log`). */
function simpleReads(p: Parser): Simple[] {
  const out: Simple[] = [];
  for (const row of readOnlyRows) {
    const analysis = analyzeShell(p, row.command);
    const command = analysis.commands[0];
    if (analysis.commands.length !== 1 || command === undefined) continue;
    if (command.via.length > 0 || command.argv.some((w) => w.dynamic)) continue;
    if (command.redirects.length > 0 || command.assignments.length > 0) continue;
    const syntax = grammarOf(command.name);
    if (syntax === undefined) continue;
    out.push({
      row: row.command,
      name: command.name,
      args: command.argv.slice(1).map((w) => w.value),
      syntax,
    });
  }
  return out;
}

/** Every level a command line can reach: the root and the subcommands along its path. */
function levels(syntax: Syntax, args: readonly string[]): Syntax[] {
  const out = [syntax];
  let level = syntax;
  for (const step of parseArgs(args, syntax).path) {
    const next = level.subcommands.get(step);
    if (next === undefined) break;
    out.push(next);
    level = next;
  }
  return out;
}

/** An option word that sets `name` (with a value where it takes one); `long` even for a one-letter prefix. */
function optionWord(name: string, arity: string, long: boolean): string {
  if (arity === "none") return long ? `--${name}` : `-${name}`;
  return long ? `--${name}=VALUE` : `-${name}VALUE`;
}

/** True when `word`, inserted at `at`, is read by the grammar as an option (not as a value or operand). */
function readAsOption(syntax: Syntax, args: readonly string[], at: number, word: string): boolean {
  const before = args.slice(0, at);
  if (before.includes("--")) return false;
  const next = [...before, word, ...args.slice(at)];
  const parsed = parseArgs(next, syntax);
  return (
    !parsed.operands.includes(word) &&
    !parsed.options.some((o) => o.value === word) &&
    (parsed.options.some((o) => o.word === word) ||
      parsed.problems.some((p) => p.word === word || word.startsWith(p.word)))
  );
}

/** Insert `word` into a read at `position` (where the tool reads it as an option) and expect no read. */
function expectNoLongerARead(read: Simple, position: number, word: string): void {
  const at = position % (read.args.length + 1);
  fc.pre(readAsOption(read.syntax, read.args, at, word));
  const line = [read.name, ...read.args.slice(0, at), word, ...read.args.slice(at)]
    .map(quote)
    .join(" ");
  expect(classifyScript(parser, "bash", line).risk, line).not.toBe("read_only");
}

/** Insert an unknown option anywhere into one of `reads`: it is no longer a read. */
function unknownOptionsBreakReads(reads: readonly Simple[], numRuns: number): void {
  fc.assert(
    fc.property(
      fc.nat(reads.length - 1),
      fc.nat(),
      fc.oneof(
        fc.stringMatching(/^--zz[a-z]{1,8}(=[a-z]{1,4})?$/),
        fc.constantFrom("-\u00e9", "--frobnicate", "--no-such-option=1"),
      ),
      (index, position, word) => {
        expectNoLongerARead(reads[index] ?? (reads[0] as Simple), position, word);
      },
    ),
    { numRuns },
  );
}

/** Every option a read's levels do not list as safe, with the read and the level. */
function unsafeOptionCases(reads: readonly Simple[]) {
  return reads.flatMap((read) =>
    levels(read.syntax, read.args).flatMap((level) =>
      definitionsOf(level)
        .filter((d) => !d.safe)
        .map((def) => ({ read, level, def })),
    ),
  );
}

/** Insert an option not listed as safe, in any unique abbreviation, anywhere: no longer a read. */
function unsafeOptionsBreakReads(reads: readonly Simple[], numRuns: number): void {
  const cases = unsafeOptionCases(reads);
  fc.assert(
    fc.property(fc.nat(cases.length - 1), fc.nat(), fc.nat(), (index, position, cut) => {
      const { read, level, def } = cases[index] ?? (cases[0] as (typeof cases)[number]);
      const long = def.names.find((n) => n.length > 1);
      // Any unique prefix of the long name where the tool abbreviates.
      let name = def.names[0] ?? "";
      if (long !== undefined) {
        const prefixes = [...Array(long.length).keys()]
          .map((k) => long.slice(0, k + 1))
          .filter((p) =>
            !level.abbreviate
              ? p === long
              : [...level.long.entries()]
                  .filter(([n]) => n.startsWith(p))
                  .every(([, d]) => d === def),
          );
        name = prefixes[cut % prefixes.length] ?? long;
      }
      expectNoLongerARead(read, position, optionWord(name, def.arity, long !== undefined));
    }),
    { numRuns },
  );
}

describe("closed world: properties over every read_only row of the command table", () => {
  it("covers the everyday read tools", () => {
    const names = new Set(simpleReads(parser).map((s) => s.name));
    for (const tool of [
      "ls",
      "cat",
      "grep",
      "sort",
      "sed",
      "awk",
      "git",
      "kubectl",
      "journalctl",
      "systemctl",
      "curl",
      "find",
      "tar",
      "df",
      "uptime",
      "az",
      "gh",
      "glab",
      "gsutil",
      "bq",
      "pulumi",
    ])
      expect(names, tool).toContain(tool);
  });

  it("an unknown option, anywhere, makes a read not read_only", () => {
    unknownOptionsBreakReads(simpleReads(parser), 400);
  });

  it("an option the grammar does not list as safe, anywhere and however abbreviated, makes a read not read_only", () => {
    expect(unsafeOptionCases(simpleReads(parser)).length).toBeGreaterThan(100);
    unsafeOptionsBreakReads(simpleReads(parser), 600);
  });

  it("a program-pointing assignment never keeps a read", () => {
    const dangerous = fc.oneof(
      fc.constantFrom(
        "BASH_ENV",
        "ENV",
        "PS4",
        "SHELLOPTS",
        "IFS",
        "PATH",
        "LESSOPEN",
        "NODE_OPTIONS",
        "PAGER",
        "EDITOR",
        "VISUAL",
      ),
      fc.stringMatching(/^(LD_|PYTHON|PERL5|GIT_|DYLD_)[A-Z_]{0,12}$/),
      fc.stringMatching(/^[A-Z]{1,8}_(EDITOR|PAGER)$/),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...readOnlyRows),
        dangerous,
        fc.constantFrom("", "export "),
        (row, name, how) => {
          const line =
            how === "" ? `${name}=/tmp/x ${row.command}` : `${how}${name}=/tmp/x\n${row.command}`;
          const analysis = analyzeShell(parser, row.command);
          fc.pre(analysis.commands.some((c) => c.name !== ""));
          expect(classifyScript(parser, "bash", line).risk, line).not.toBe("read_only");
        },
      ),
      { numRuns: 400 },
    );
  });

  it("sh and bash agree exactly on portable scripts; bash-only syntax under sh is never read_only", () => {
    const bashOnly = [
      "[[ -d /x ]] && ",
      "(( n = 1 )); ",
      "echo $'a\\tb'; ",
      "a=(1 2); ",
      "cat <<< x; ",
      "ls &> /dev/null; ",
      "function f { :; }; ",
      "echo {a,b}; ",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...rows),
        fc.option(fc.constantFrom(...bashOnly)),
        (row, prefix) => {
          const script = `${prefix ?? ""}${row.command}`;
          const sh = classifyScript(parser, "sh", script).risk;
          const bash = classifyScript(parser, "bash", script).risk;
          if (bashOnlyConstructs(parser, script).length === 0) expect(sh, script).toBe(bash);
          else expect(sh, script).not.toBe("read_only");
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("closed world: the cloud, VCS-hosting and IaC CLIs' reads (issue 10)", () => {
  const CLOUD: ReadonlySet<string> = new Set([
    ..."az gh glab gsutil bq pulumi vault consul nomad etcdctl sops".split(" "),
  ]);
  const reads = (): Simple[] => simpleReads(parser).filter((r) => CLOUD.has(r.name));

  it("an unknown option, anywhere, makes each of them not read_only", () => {
    expect(new Set(reads().map((r) => r.name))).toEqual(CLOUD);
    unknownOptionsBreakReads(reads(), 400);
  });

  it("an option their grammars do not list as safe, anywhere, makes each of them not read_only", () => {
    // consul's and nomad's reads have no option that is not safe: nothing to insert.
    const withUnsafe = [...CLOUD].filter((n) => n !== "consul" && n !== "nomad");
    expect(new Set(unsafeOptionCases(reads()).map((c) => c.read.name))).toEqual(
      new Set(withUnsafe),
    );
    unsafeOptionsBreakReads(reads(), 600);
  });
});
