import { describe, expect, it } from "vitest";
import {
  MAX_REASONING_CHARS,
  parseCacheEntry,
  parseClassifyAnswer,
  parseDecideAnswer,
  parseErrorBody,
} from "../../src/llm/answers.js";

const entry = (index: unknown, risk_level: unknown, reasoning: unknown = "because") => ({
  index,
  risk_level,
  reasoning,
});

describe("parseClassifyAnswer", () => {
  it("keeps valid entries and names what is wrong with the others", () => {
    const parsed = parseClassifyAnswer(
      {
        steps: [
          entry(1, "read_only"),
          entry(2, "catastrophic"),
          entry(3, "modifying", ""),
          entry(9, "read_only"),
          "junk",
        ],
      },
      [1, 2, 3, 4],
    );
    expect([...parsed.answers]).toEqual([[1, { risk: "read_only", reasoning: "because" }]]);
    expect(parsed.problems.get(2)).toMatch(/^invalid entry: risk_level: /);
    expect(parsed.problems.get(3)).toMatch(/^invalid entry: reasoning: /);
    expect(parsed.problems.get(4)).toBe("no answer for this step");
    expect(parsed.problems.has(9)).toBe(false);
  });

  it("rejects a conflicting duplicate but accepts a repeated agreement", () => {
    const parsed = parseClassifyAnswer(
      {
        steps: [
          entry(1, "read_only"),
          entry(1, "destructive"),
          entry(2, "modifying"),
          entry(2, "modifying"),
        ],
      },
      [1, 2],
    );
    expect(parsed.problems.get(1)).toBe("conflicting answers `read_only` and `destructive`");
    expect(parsed.answers.get(2)?.risk).toBe("modifying");
  });

  it("marks every step when the envelope is wrong", () => {
    for (const input of [null, "read_only", { steps: {} }, { results: [] }]) {
      const parsed = parseClassifyAnswer(input, [1, 2]);
      expect(parsed.answers.size).toBe(0);
      expect(
        [...parsed.problems.values()].every((problem) => problem.startsWith("malformed answer: ")),
      ).toBe(true);
    }
  });

  it("flattens and bounds the reasoning it keeps", () => {
    const parsed = parseClassifyAnswer(
      { steps: [entry(1, "read_only", `line one\n\u001b[31mred\u0007 ${"x".repeat(1000)}`)] },
      [1],
    );
    const reasoning = parsed.answers.get(1)?.reasoning ?? "";
    expect(reasoning.startsWith("line one [31mred x")).toBe(true);
    expect(reasoning).toHaveLength(MAX_REASONING_CHARS);
  });
});

describe("parseDecideAnswer", () => {
  it("accepts the three actions and defaults skip_steps to empty", () => {
    expect(parseDecideAnswer({ action: "abort", reasoning: "stop" })).toEqual({
      ok: true,
      action: "abort",
      skipSteps: [],
      reasoning: "stop",
    });
  });

  it("rejects unknown actions and non-integer indexes", () => {
    expect(parseDecideAnswer({ action: "rerun", skip_steps: [], reasoning: "x" }).ok).toBe(false);
    expect(parseDecideAnswer({ action: "skip", skip_steps: [2.5], reasoning: "x" }).ok).toBe(false);
  });
});

describe("parseCacheEntry and parseErrorBody", () => {
  it("reads only well-formed entries", () => {
    expect(parseCacheEntry('{"version":1,"risk":"modifying","reasoning":"restarts"}')).toEqual({
      version: 1,
      risk: "modifying",
      reasoning: "restarts",
    });
    expect(parseCacheEntry('{"version":2,"risk":"modifying","reasoning":"r"}')).toBeUndefined();
    expect(parseCacheEntry("{")).toBeUndefined();
  });

  it("reads the API's error body", () => {
    expect(
      parseErrorBody({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } }),
    ).toEqual({ type: "overloaded_error", message: "Overloaded" });
    expect(parseErrorBody("Bad gateway")).toBeUndefined();
  });
});
