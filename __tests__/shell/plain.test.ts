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
import { plainCommands } from "../../src/shell/plain.js";
import { loadDcgCorpus } from "../classify/dcg-corpus.js";
import { readCommandTable } from "../classify/command-table.js";
import { CORPUS_RUNBOOKS_DIR, skipCorpus } from "../helpers/corpus.js";
import { nearlyPlainScript } from "./plain-scripts.js";

/**
 * Plain scripts (words, blanks and newlines only) are read without tree-sitter; the analysis
 * decides what runs without approval, so the shortcut must give exactly what the parse tree
 * gives, on every script, inner scripts (`sudo bash -c 'a b'`) included.
 */
let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const AT_START = { row: 0, column: 0 };
const isPlain = (script: string): boolean => plainCommands(script, AT_START, []) !== undefined;

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

describe("plain scripts read without parsing", () => {
  it("gives the parse tree's analysis on generated scripts near the edge of plain", () => {
    let plain = 0;
    fc.assert(
      fc.property(nearlyPlainScript, (script) => {
        if (isPlain(script)) plain++;
        expectSameAnalysis(script);
      }),
      { numRuns: 3000 },
    );
    // The property means something only if both sides of the line were generated.
    expect(plain).toBeGreaterThan(200);
    expect(plain).toBeLessThan(2800);
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
      "then rm x", // a keyword
      "ls ~", // tilde expansion
      "rm -rf /tmp/*", // a glob
      "echo 'a b'", // quotes
      "echo a\\ b", // an escape
      "a; b",
      "a | b",
      "a # comment",
      "echo $HOME",
      "a\r\nb", // a carriage return
      "ls é", // not ASCII
    ])
      expect({ script, plain: isPlain(script) }).toEqual({ script, plain: false });
  });

  it("reads a plain script's words, lines and positions", () => {
    expect(
      plainCommands("kubectl get pods -n web\n\n  df -h  ", { row: 2, column: 5 }, [
        "inner_script",
      ]),
    ).toEqual([
      {
        words: [
          { value: "kubectl", dynamic: false, quoted: false, raw: "kubectl", line: 3, column: 6 },
          { value: "get", dynamic: false, quoted: false, raw: "get", line: 3, column: 14 },
          { value: "pods", dynamic: false, quoted: false, raw: "pods", line: 3, column: 18 },
          { value: "-n", dynamic: false, quoted: false, raw: "-n", line: 3, column: 23 },
          { value: "web", dynamic: false, quoted: false, raw: "web", line: 3, column: 26 },
        ],
        assignments: [],
        redirects: [],
        heredocs: [],
        contexts: ["inner_script"],
        pipe: undefined,
        line: 3,
        column: 6,
        text: "kubectl get pods -n web",
      },
      {
        words: [
          { value: "df", dynamic: false, quoted: false, raw: "df", line: 5, column: 3 },
          { value: "-h", dynamic: false, quoted: false, raw: "-h", line: 5, column: 6 },
        ],
        assignments: [],
        redirects: [],
        heredocs: [],
        contexts: ["inner_script"],
        pipe: undefined,
        line: 5,
        column: 3,
        text: "df -h",
      },
    ]);
  });
});
