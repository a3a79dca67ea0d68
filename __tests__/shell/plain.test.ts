import { readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { parseRunbook, readRunbookFile } from "../../src/parse/index.js";
import { analyzeShell, analyzeShellParsed } from "../../src/shell/analyze.js";
import { readPlainScript } from "../../src/shell/plain.js";
import type { RawCommand } from "../../src/shell/walk.js";
import { loadDcgCorpus } from "../classify/dcg-corpus.js";
import { readCommandTable } from "../classify/command-table.js";
import { CORPUS_RUNBOOKS_DIR, skipCorpus } from "../helpers/corpus.js";
import { commandLists, nearlyPlainScript } from "./plain-scripts.js";

/**
 * Plain scripts (commands of plain words and simple quoted strings, joined by `|`, `&&`, `||`
 * and `;`) are read without tree-sitter; the analysis
 * decides what runs without approval, so the shortcut must give exactly what the parse tree
 * gives, on every script, inner scripts (`sudo bash -c 'a b'`) included.
 */
let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const AT_START = { row: 0, column: 0 };
const IGNORED = { command: (): void => undefined, newPipeline: (): number => 0 };
const isPlain = (script: string): boolean => readPlainScript(script, AT_START, [], IGNORED);

/** Both readings of a script; a mismatch names the script. */
function expectSameAnalysis(script: string): void {
  expect({ script, analysis: analyzeShell(parser, script) }).toStrictEqual({
    script,
    analysis: analyzeShellParsed(parser, script),
  });
}

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures");

function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md(\.erb)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

/** Every fence of the given runbooks, as written and as it runs (placeholders rewritten). */
async function fenceScripts(files: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const file of files) {
    let runbook;
    try {
      runbook = parseRunbook(await readRunbookFile(file), DEFAULT_CONFIG);
    } catch {
      continue; // fixtures of unreadable input
    }
    for (const block of runbook.codeBlocks) out.push(block.value);
    for (const step of runbook.steps)
      for (const command of step.commands)
        out.push(
          command.script,
          ...(command.writtenScript === undefined ? [] : [command.writtenScript]),
        );
  }
  return out;
}

/**
 * Holds both readings equal on `numRuns` generated scripts; the property means something only
 * if both sides of the line were generated, so it also counts the plain ones.
 */
function expectSameOnGenerated(
  scripts: fc.Arbitrary<string>,
  numRuns: number,
  fewest: number,
): void {
  let plain = 0;
  fc.assert(
    fc.property(scripts, (script) => {
      if (isPlain(script)) plain++;
      expectSameAnalysis(script);
    }),
    { numRuns },
  );
  expect(plain).toBeGreaterThan(fewest);
  expect(plain).toBeLessThan(numRuns - fewest);
}

describe("plain scripts read without parsing", () => {
  it("gives the parse tree's analysis on generated scripts near the edge of plain", () => {
    expectSameOnGenerated(nearlyPlainScript, 3000, 200);
  });

  it("gives the parse tree's analysis on generated lists and pipelines", () => {
    // About a hundred of 2,000 are plain; 77 was seen once in CI: the floor only proves the
    // plain side was generated at all.
    expectSameOnGenerated(commandLists, 2000, 30);
  });

  it("gives the parse tree's analysis on plain scripts placed inside other scripts", () => {
    fc.assert(
      fc.property(
        nearlyPlainScript,
        fc.constantFrom("sudo", "env X=1", "nice -n 5"),
        (inner, wrapper) => {
          const quoted = `'${inner.replaceAll("'", "")}'`;
          expectSameAnalysis(`${wrapper} bash -c ${quoted}`);
          expectSameAnalysis(`ssh host ${quoted}`);
          expectSameAnalysis(`cat x | sudo sh -c ${quoted} && ${inner}`);
          expectSameAnalysis(`${wrapper} bash <<EOF\n${inner}\nEOF`);
          expectSameAnalysis(`ssh host <<'EOF'\n  ${inner}\nEOF\n${inner}`);
          expectSameAnalysis(`sh <<< ${quoted}`);
          expectSameAnalysis(`echo ${quoted} | ${wrapper} bash`);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("gives the parse tree's analysis on every command of the classification table", () => {
    const rows = readCommandTable();
    for (const row of rows) expectSameAnalysis(row.command);
    expect(rows.filter((row) => isPlain(row.command)).length).toBeGreaterThan(50);
  });

  it("gives the parse tree's analysis on every fence of the test fixtures", async () => {
    const scripts = await fenceScripts(markdownUnder(FIXTURES));
    for (const script of scripts) expectSameAnalysis(script);
    expect(scripts.filter(isPlain).length).toBeGreaterThan(20);
  });

  it.skipIf(skipCorpus)(
    "gives the parse tree's analysis on every script of the corpus",
    async () => {
      const scripts = [
        ...(await fenceScripts(markdownUnder(CORPUS_RUNBOOKS_DIR))),
        ...loadDcgCorpus().map((c) => c.command),
      ];
      for (const script of scripts) expectSameAnalysis(script);
      expect(scripts.filter(isPlain).length).toBeGreaterThan(100);
    },
  );

  it("leaves to the parser every script tree-sitter reads as more than words", () => {
    for (const script of [
      "export A=1", // a declaration
      "A=1 cmd", // an assignment
      "- a=a", // tree-sitter drops the `-` and reads an assignment
      "a@a", // not a command name to tree-sitter
      "echo ==\nrm -rf /", // `==` joins the next line to the command
      "a | b | c && d", // tree-sitter groups it as `a | (b | c && d)`
      "a | b | c\nd && e", // and this as `a | (b | c d && e)`
      'echo " "', // blanks alone in double quotes: tree-sitter reads an empty word
      "then rm x", // a keyword
      "a |", // an operator ending the line
      "a;",
      "a &", // in the background
      "a |& b",
      "a'b'", // a concatenation
      "a 'b'c",
      "'rm' x", // a quoted command name
      "ls ~", // tilde expansion
      "rm -rf /tmp/[ab]", // a bracket glob
      "ls *(x)", // an extended glob
      "a && b | c | d\ne && f", // and this as `a && b | (c | d e && f)`
      "a | b || c", // pipes with `||`
      'echo "$HOME"', // an expansion in quotes
      'echo "a\\b"', // an escape in quotes
      "echo 'a\nb'", // a string over two lines
      "echo a\\ b", // an escape
      "a > f",
      "(a)",
      "a # comment",
      "a\r\nb", // a carriage return
      "ls é", // not ASCII
    ])
      expect({ script, plain: isPlain(script) }).toEqual({ script, plain: false });
  });

  it("reads long plain scripts in linear time, where tree-sitter runs out of its budget", () => {
    // 50,000 pipe stages take tree-sitter over a second (PARSE_BUDGET_MS: `too_costly`).
    for (const [script, commands] of [
      [`${"a | ".repeat(50_000)}b`, 50_001],
      [`${"a; ".repeat(60_000)}b`, 60_001],
      [`ls ${"a ".repeat(100_000)}`, 1],
      [`x '${"a".repeat(200_000)}'`, 1],
    ] as const) {
      const started = performance.now();
      const analysis = analyzeShell(parser, script);
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(analysis.notAnalysed).toBeUndefined();
      expect(analysis.commands.length).toBe(commands);
    }
  });

  it("reads a plain script's words, quotes, pipelines, lines and positions", () => {
    const commands: RawCommand[] = [];
    const pipelines: number[] = [];
    const sink = {
      command: (raw: RawCommand): void => void commands.push(raw),
      newPipeline: (length: number): number => pipelines.push(length) + 6,
    };
    const script = `kubectl logs api -n 'web' | grep -i "x y"\n\n  df -h ; true  `;
    expect(readPlainScript(script, { row: 2, column: 5 }, ["inner_script"], sink)).toBe(true);
    const word = (value: string, raw: string, line: number, column: number): object => ({
      value,
      dynamic: false,
      quoted: raw !== value,
      raw,
      line,
      column,
    });
    const command = (
      words: object[],
      text: string,
      line: number,
      column: number,
      pipe?: object,
    ): object => ({
      words,
      assignments: [],
      redirects: [],
      heredocs: [],
      contexts: ["inner_script"],
      pipe,
      line,
      column,
      text,
    });
    expect(pipelines).toEqual([2]);
    expect(commands).toStrictEqual([
      command(
        [
          word("kubectl", "kubectl", 3, 6),
          word("logs", "logs", 3, 14),
          word("api", "api", 3, 19),
          word("-n", "-n", 3, 23),
          word("web", "'web'", 3, 26),
        ],
        "kubectl logs api -n 'web'",
        3,
        6,
        { id: 7, position: 0 },
      ),
      command(
        [word("grep", "grep", 3, 34), word("-i", "-i", 3, 39), word("x y", '"x y"', 3, 42)],
        'grep -i "x y"',
        3,
        34,
        { id: 7, position: 1 },
      ),
      command([word("df", "df", 5, 3), word("-h", "-h", 5, 6)], "df -h", 5, 3),
      command([word("true", "true", 5, 11)], "true", 5, 11),
    ]);
  });
});
