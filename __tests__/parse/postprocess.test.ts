import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { postprocess as micromarkPostprocess } from "micromark";
import type { Event } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { documentEvents } from "../../src/parse/markdown.js";
import { postprocess } from "../../src/parse/postprocess.js";
import { corpusRunbooks, skipCorpus } from "../helpers/corpus.js";

/**
 * Every event as a line: kind, token type, both points and every other field of the token
 * (objects only as present or not), so a difference in order, position, type or flag shows.
 */
function describeEvents(events: readonly Event[]): string[] {
  return events.map(([kind, token]) => {
    const fields = Object.entries(token)
      .filter(([key]) => key !== "type" && key !== "start" && key !== "end")
      .map(([key, value]) => `${key}=${typeof value === "object" ? "object" : String(value)}`)
      .sort()
      .join(" ");
    return `${kind} ${token.type} ${JSON.stringify(token.start)} ${JSON.stringify(token.end)} ${fields}`;
  });
}

/** Both expansions of fresh events for `text` (expanding mutates tokens, so each gets its own). */
function bothWays(text: string): { micromark: string[]; ours: string[] } {
  return {
    micromark: describeEvents(micromarkPostprocess(documentEvents(text))),
    ours: describeEvents(postprocess(documentEvents(text))),
  };
}

function expectSame(text: string): void {
  const { micromark, ours } = bothWays(text);
  expect(ours).toEqual(micromark);
}

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures");

/** Pieces of Markdown that exercise every kind of expansion and fix-up when strung together. */
const PIECES = [
  ...["\n", "\n\n", "  ", "   ", "    ", "\t", "\r\n", "\r"],
  ...["> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "- [ ] ", "- [x] ", "[x] "],
  ...["```", "```bash\n", "~~~", "    code", "# ", "## ", "Title\n===", "---", "***"],
  ...["a", "word", " b ", "*", "**", "_", "__", "~", "~~", "`", "``", "[", "]", "(", ")"],
  ...["[a]: /u", "[a]", "[^1]", "[^1]: note", "![i](s)", "<div>", "</div>", "<b>"],
  ...["&amp;", "&#35;", "\\", "|", "| a | b |", "|---|---|", "---\ntitle: x\n---\n"],
  ...["http://x.y", "<http://a>", "\u0000", "é", "😀"],
];

describe("postprocess: the events micromark's own postprocess makes", () => {
  it.each([
    ["a paragraph over lines", "one\ntwo\n  three\n"],
    ["a task list item", "- [x] done\n- [ ] not yet\n  more\n"],
    ["a reference before its definition", "1. see [x]\n\n[x]: /u\n"],
    ["containers closing over blank lines", "> 1. a\n>\n>    ```sh\n>    ls\n>    ```\n\n\n- b\n"],
    ["a lazy continuation", "> a\nb\n- c\nd\n"],
    ["a footnote", "Text[^n].\n\n[^n]: The note\n    goes on.\n"],
    ["a table in a list item", "1. x\n\n   | a | b |\n   |---|---|\n   | `c\\|d` | e |\n"],
    ["front matter and a setext heading", "---\ntitle: t\n---\nTitle\n=====\n"],
    ["nothing", ""],
  ])("%s", (_name, text) => {
    expectSame(text);
  });

  it("when a list closes after 100,000 blank lines (their events move behind its exit)", () => {
    expectSame(`- a${"\n".repeat(100_000)}b\n`);
  });

  it("on every fixture runbook", () => {
    const files = readdirSync(FIXTURES, { recursive: true, encoding: "utf8" }).filter((name) =>
      name.endsWith(".md"),
    );
    expect(files.length).toBeGreaterThan(50);
    for (const name of files) {
      const text = readFileSync(path.join(FIXTURES, name), "utf8");
      const { micromark, ours } = bothWays(text);
      expect(ours, name).toEqual(micromark);
    }
  });

  it.skipIf(skipCorpus)("on every runbook of the corpus", () => {
    for (const file of corpusRunbooks()) {
      const { micromark, ours } = bothWays(readFileSync(file, "utf8"));
      expect(ours, file).toEqual(micromark);
    }
  });

  it("on documents strung together from tricky pieces", () => {
    const documents = fc
      .array(fc.constantFrom(...PIECES), { maxLength: 80 })
      .map((pieces) => pieces.join(""));
    fc.assert(
      fc.property(documents, (text) => {
        const { micromark, ours } = bothWays(text);
        expect(ours).toEqual(micromark);
      }),
      { numRuns: 3000 },
    );
  });
});
