import { describe, expect, it } from "vitest";
import { formatHead, parseExpectedHead } from "../../src/audit/head.js";
import { RunbookExecError } from "../../src/core/errors.js";

const HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

describe("formatHead / parseExpectedHead", () => {
  it("round-trips SEQ:HASH", () => {
    expect(parseExpectedHead(formatHead({ seq: 12, hash: HASH }))).toEqual({ seq: 12, hash: HASH });
  });

  it("accepts a bare hash, upper case and surrounding blanks", () => {
    expect(parseExpectedHead(` ${HASH.toUpperCase()}\n`)).toEqual({ seq: undefined, hash: HASH });
  });

  for (const bad of ["", "12:", "12:abc", `x:${HASH}`, `${HASH}0`, `-1:${HASH}`]) {
    it(`rejects ${JSON.stringify(bad)} as a usage error`, () => {
      expect(() => parseExpectedHead(bad)).toThrow(RunbookExecError);
      expect(() => parseExpectedHead(bad)).toThrow(/expected `SEQ:HASH`/);
    });
  }
});
