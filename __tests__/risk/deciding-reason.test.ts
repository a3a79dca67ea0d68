import { describe, expect, it } from "vitest";
import type { RuleVerdict } from "../../src/classify/types.js";
import { decidingReason } from "../../src/risk/deciding-reason.js";
import { mergeRisk } from "../../src/risk/merge.js";

const rules: RuleVerdict = {
  risk: "read_only",
  floor: "read_only",
  reasons: [{ ruleId: "read.inspect", message: "`df` shows disk space" }],
};

describe("decidingReason", () => {
  it("is the annotation's reason when the annotation raised the level", () => {
    const merged = mergeRisk({ rules, annotation: "destructive", strict: false });
    expect(merged.riskSource).toBe("annotation");
    expect(decidingReason(merged)?.message).toBe("the author annotated `risk=destructive`");
  });

  it("is Claude's reason when the model raised the level", () => {
    const merged = mergeRisk({
      rules,
      llm: {
        kind: "answer",
        risk: "modifying",
        reasoning: "writes a file",
        injectionSuspected: false,
      },
      strict: false,
    });
    expect(merged.riskSource).toBe("llm");
    expect(decidingReason(merged)?.message).toBe("Claude: `modifying`: writes a file");
  });

  it("is the rules' first reason when the rules decided, even beside an ignored annotation", () => {
    const raised: RuleVerdict = { ...rules, risk: "destructive", floor: "destructive" };
    const merged = mergeRisk({ rules: raised, annotation: "read_only", strict: false });
    expect(merged.riskSource).toBe("rules");
    expect(decidingReason(merged)?.message).toBe("`df` shows disk space");
  });
});
