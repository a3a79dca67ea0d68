import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { classifyScript, loadBashParser } from "../../../src/classify/index.js";
import type { Syntax } from "../../../src/classify/grammar/syntax.js";
import { toolFor } from "../../../src/classify/registry.js";
import { FIND, TAR } from "../../../src/classify/tools/files-syntax.js";
import { analyzeShell, bashOnlyConstructs } from "../../../src/shell/index.js";
import { readCommandTable } from "../command-table.js";
import { insertedOption, unsafeOptions, unsafeWord } from "./insertion.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const rows = readCommandTable();
const readOnlyRows = rows.filter((r) => r.level === "read_only");

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

/** Insert `word` into a read at `position` (where the tool reads it as an option) and expect no read. */
function expectNoLongerARead(read: Simple, position: number, word: string): void {
  const line = insertedOption(read, position, word);
  fc.pre(line !== undefined);
  expect(classifyScript(parser, "bash", line ?? "").risk, line).not.toBe("read_only");
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

/** Every option a read's levels do not list as safe, with the read. */
function unsafeOptionCases(reads: readonly Simple[]) {
  return reads.flatMap((read) => unsafeOptions(read).map((option) => ({ read, option })));
}

/** Insert an option not listed as safe, in any unique abbreviation, anywhere: no longer a read. */
function unsafeOptionsBreakReads(reads: readonly Simple[], numRuns: number): void {
  const cases = unsafeOptionCases(reads);
  fc.assert(
    fc.property(fc.nat(cases.length - 1), fc.nat(), fc.nat(), (index, position, cut) => {
      const { read, option } = cases[index] ?? (cases[0] as (typeof cases)[number]);
      expectNoLongerARead(read, position, unsafeWord(option, cut));
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
