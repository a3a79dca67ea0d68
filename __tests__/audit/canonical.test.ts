import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordHash } from "../../src/audit/hash.js";
import { verifyAuditText } from "../../src/audit/verify.js";
import { NON_CANONICAL_CASES } from "../fixtures/audit/non-canonical.js";
import { FIXTURE_KEY } from "../fixtures/audit/sample-run.js";

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "audit");
/** Bytes, never decoded text: decoding would already hide some of the tampering. */
const bytes = (name: string): Buffer => readFileSync(path.join(fixtures, name));
const lineStart = (data: Buffer, line: number): number => {
  let offset = 0;
  for (let index = 1; index < line; index++) offset = data.indexOf(0x0a, offset) + 1;
  return offset;
};

describe("replay verifies bytes: a line must be its record's canonical form", () => {
  for (const tampered of NON_CANONICAL_CASES) {
    it(`${tampered.file}: ${tampered.why}`, () => {
      const data = bytes(tampered.file);
      const key = tampered.from === "keyed.ndjson" ? FIXTURE_KEY : undefined;
      const result = verifyAuditText(data, { key });
      const text = data.toString("utf8").split("\n")[tampered.line - 1] ?? "";
      const expectedOffset =
        lineStart(data, tampered.line) +
        Buffer.byteLength(text.slice(0, tampered.at(text)), "utf8");
      expect(result.status).toBe("tampered");
      expect(result.broken).toMatchObject({
        line: tampered.line,
        seq: tampered.line,
        reason: "not_canonical",
        byteOffset: expectedOffset,
      });
      expect(result.broken?.message).toContain(
        `line ${tampered.line} is not canonical at byte ${expectedOffset}`,
      );
      expect(result.records.filter((entry) => entry.verified)).toHaveLength(tampered.line - 1);
    });
  }

  it("the duplicate-key attack: last-wins parse matches the hash and mac, first-wins parse says mallory approved, replay refuses both", () => {
    const attack = bytes("dup-key-first-wins.ndjson").toString("utf8").split("\n")[11] ?? "";
    const lastWins = JSON.parse(attack) as Record<string, unknown>;
    expect(lastWins).toMatchObject({ approver: "bob", decision: "denied" });
    expect(recordHash(lastWins)).toBe(lastWins["hash"]);
    expect(attack.startsWith('{"approver":"mallory","decision":"approved",')).toBe(true);
    expect(verifyAuditText(bytes("dup-key-first-wins.ndjson")).status).toBe("tampered");
  });

  it("a byte that is not UTF-8, decoded to the U+FFFD that was hashed: not canonical at that byte", () => {
    const data = bytes("invalid-utf8.ndjson");
    expect(data.toString("utf8")).toContain("failed\uFFFD");
    const result = verifyAuditText(data);
    expect(result.broken).toMatchObject({
      line: 14,
      reason: "not_canonical",
      byteOffset: data.indexOf(0xff),
    });
  });

  it("the untouched logs are canonical, keyed or not", () => {
    expect(verifyAuditText(bytes("intact.ndjson")).status).toBe("intact");
    expect(verifyAuditText(bytes("keyed.ndjson"), { key: FIXTURE_KEY }).status).toBe("intact");
  });

  it("any edit that leaves a line parsing to the same record breaks the chain at that line", () => {
    const intact = bytes("intact.ndjson").toString("utf8");
    const lines = intact.trimEnd().split("\n");
    // Spellings that keep the parsed value: whitespace between tokens, an escaped character in
    // a string, a number's fraction or exponent.
    const respell = fc.oneof(
      fc.constantFrom(" ", "\t", "\r").map((space) => (line: string, at: number) => {
        const cut = tokenBoundary(line, at);
        return `${line.slice(0, cut)}${space}${line.slice(cut)}`;
      }),
      fc.constant((line: string, at: number) => escapeOneLetter(line, at)),
      fc.constantFrom(".0", "e0", "E+0", ".00e0").map((suffix) => (line: string, at: number) => {
        const match = [...line.matchAll(/":(\d+)[,}]/g)].at(at % 3);
        if (match?.index === undefined) return line;
        const end = match.index + 2 + (match[1] ?? "").length;
        return `${line.slice(0, end)}${suffix}${line.slice(end)}`;
      }),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: lines.length - 1 }),
        fc.nat(),
        respell,
        (index, at, edit) => {
          const original = lines[index] ?? "";
          const changed = edit(original, at);
          fc.pre(changed !== original);
          expect(JSON.parse(changed)).toEqual(JSON.parse(original));
          const log = [...lines.slice(0, index), changed, ...lines.slice(index + 1)].join("\n");
          const result = verifyAuditText(`${log}\n`);
          expect(result.broken).toMatchObject({ line: index + 1, reason: "not_canonical" });
        },
      ),
      { numRuns: 200 },
    );
  });
});

/** A position just after a `,` or `:` outside strings, near `at`, where JSON allows whitespace. */
function tokenBoundary(line: string, at: number): number {
  const boundaries: number[] = [0, line.length];
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index];
    if (char === "\\") index++;
    else if (char === '"') inString = !inString;
    else if (!inString && (char === "," || char === ":")) boundaries.push(index + 1);
  }
  return boundaries[at % boundaries.length] ?? 0;
}

/** One ASCII letter inside a string (key or value) written as a `\u` escape. */
function escapeOneLetter(line: string, at: number): string {
  const letters: number[] = [];
  let inString = false;
  for (let index = 0; index < line.length; index++) {
    const char = line[index] ?? "";
    if (char === "\\") index++;
    else if (char === '"') inString = !inString;
    else if (inString && /[a-z]/i.test(char)) letters.push(index);
  }
  const position = letters[at % Math.max(1, letters.length)];
  if (position === undefined) return line;
  const code = line.charCodeAt(position).toString(16).padStart(4, "0");
  return `${line.slice(0, position)}\\u${code}${line.slice(position + 1)}`;
}
