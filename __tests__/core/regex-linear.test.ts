import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// Every regex literal in the folders that read untrusted text is fed long pumped inputs built
// from its own pieces (its words and punctuation, glued by spaces, quotes, brackets …): the
// shapes that make a backtracking regex rescan the rest of the text from every start. Found
// by this check and rewritten: awk's `print … >`, the code-language write and spawn patterns,
// the decoder pattern, string literals, fence attributes, TOML key lines. The bound is far
// above linear time (a few ms) and far below what the quadratic ones took at this size.

const ROOT = path.resolve(import.meta.dirname, "../..");
const FOLDERS = ["src/lint", "src/parse", "src/shell", "src/classify", "src/config"];
const SEARCH_LENGTH = 1_500;
const PUMP_LENGTH = 50_000;
const BOUND_MS = 1_000;
const GLUES = ["", " ", "a", "(", ")", "'", '"', "-", "\t", "\n", "=", "/", "1", ",", ";", "\\"];

interface Found {
  readonly where: string;
  readonly regex: RegExp;
}

function regexLiterals(): Found[] {
  const found: Found[] = [];
  const visitFile = (file: string): void => {
    const source = ts.createSourceFile(
      file,
      readFileSync(file, "utf8"),
      ts.ScriptTarget.Latest,
      true,
    );
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText();
        const slash = text.lastIndexOf("/");
        const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push({
          where: `${path.relative(ROOT, file)}:${line}`,
          regex: new RegExp(text.slice(1, slash), text.slice(slash + 1).replace("y", "")),
        });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  };
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      if (statSync(file).isDirectory()) walk(file);
      else if (file.endsWith(".ts")) visitFile(file);
    }
  };
  for (const folder of FOLDERS) walk(path.join(ROOT, folder));
  return found;
}

/** Units to repeat: each word and punctuation mark of the pattern, with each glue after it. */
function pumpUnits(regex: RegExp): string[] {
  const source = regex.source.replace(/\\[bBsSwWdDnrtfv]/g, " ").replace(/\\(.)/g, "$1");
  const pieces = new Set([
    ...(source.match(/[A-Za-z0-9_]{2,}/g) ?? []),
    ...(source.match(/[^A-Za-z0-9_\s]/g) ?? []),
    "a",
    " ",
    "0",
  ]);
  return [...pieces].flatMap((piece) => GLUES.map((glue) => piece + glue));
}

function timeRun(regex: RegExp, input: string): number {
  const started = performance.now();
  if (regex.global) for (const _match of input.matchAll(regex));
  else regex.test(input);
  return performance.now() - started;
}

const repeatTo = (unit: string, length: number): string =>
  unit.repeat(Math.ceil(length / unit.length));

describe("regexes over untrusted text run in linear time", () => {
  const literals = regexLiterals();

  it("finds the regexes to check", () => {
    expect(literals.length).toBeGreaterThan(200);
  });

  it(`every one handles its worst pumped input of ${PUMP_LENGTH} characters in under ${BOUND_MS} ms`, () => {
    const slow: string[] = [];
    for (const { where, regex } of literals) {
      // The unit that costs most on a short input is the one to pump long.
      let worst = { unit: "a", ms: -1 };
      for (const unit of pumpUnits(regex)) {
        const ms = timeRun(regex, repeatTo(unit, SEARCH_LENGTH));
        if (ms > worst.ms) worst = { unit, ms };
      }
      const ms = timeRun(regex, repeatTo(worst.unit, PUMP_LENGTH));
      if (ms > BOUND_MS)
        slow.push(
          `${where} /${regex.source}/ on ${JSON.stringify(worst.unit)}×: ${Math.round(ms)} ms`,
        );
    }
    expect(slow).toEqual([]);
  }, 120_000);
});
