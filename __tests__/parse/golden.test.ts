import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Runbook } from "../../src/core/runbook.js";
import { decodeRunbook, parseRunbook } from "../../src/parse/index.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/parse");
const OPTIONS = { defaultShell: "bash", interpreters: {}, inlineCodeCommands: false };
const UPDATE = process.env.UPDATE_GOLDEN === "1";

/** What the golden files pin: everything but the raw lines and the byte hash. */
function snapshot(runbook: Runbook): unknown {
  const { lines: _lines, sha256: _sha, ...rest } = runbook;
  return rest;
}

function parseFixture(name: string, bytes = readFileSync(path.join(FIXTURES, name))): Runbook {
  return parseRunbook(decodeRunbook(name, bytes), OPTIONS);
}

const markdownFixtures = readdirSync(FIXTURES).filter((name) => /\.md(\.erb)?$/.test(name));

describe("parser golden files", () => {
  it("has fixtures", () => {
    expect(markdownFixtures.length).toBeGreaterThanOrEqual(6);
  });

  for (const name of markdownFixtures) {
    it(`parses ${name} as recorded in ${name}.json`, () => {
      const actual = snapshot(parseFixture(name));
      const goldenPath = path.join(FIXTURES, `${name}.json`);
      if (UPDATE) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(goldenPath, "utf8")));
    });

    it(`parses ${name} the same with CRLF line endings, a BOM and no trailing newline`, () => {
      const lf = readFileSync(path.join(FIXTURES, name), "utf8");
      const crlf = `\uFEFF${lf.replace(/\n/g, "\r\n").replace(/\r\n$/, "")}`;
      expect(snapshot(parseFixture(name, Buffer.from(crlf, "utf8")))).toEqual(
        snapshot(parseFixture(name)),
      );
    });
  }
});
