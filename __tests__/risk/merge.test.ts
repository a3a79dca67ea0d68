import { describe, expect, it } from "vitest";
import type { RuleVerdict } from "../../src/classify/types.js";
import type { RiskLevel } from "../../src/core/risk.js";
import { MERGE_REASON_IDS, mergeRisk } from "../../src/risk/merge.js";
import type { LlmVerdict } from "../../src/risk/model.js";

const unknown: RuleVerdict = {
  risk: "modifying",
  floor: "read_only",
  reasons: [{ ruleId: "classify.unknown", message: "unknown command `frobnicate`" }],
};
const rmRf: RuleVerdict = {
  risk: "destructive",
  floor: "destructive",
  reasons: [{ ruleId: "classify.rm-recursive", message: "`rm -rf` deletes a tree" }],
};
const readOnly: RuleVerdict = {
  risk: "read_only",
  floor: "read_only",
  reasons: [{ ruleId: "classify.known", message: "`df` reads" }],
};

function says(risk: RiskLevel, injectionSuspected = false): LlmVerdict {
  return { kind: "answer", risk, reasoning: `it is ${risk}`, injectionSuspected };
}

const ids = (reasons: readonly { ruleId: string }[]): string[] =>
  reasons.map((reason) => reason.ruleId);

describe("mergeRisk (invariant 2: nothing lowers a risk below the rules floor)", () => {
  it("keeps the rules' risk when no model was asked", () => {
    expect(mergeRisk({ rules: unknown, strict: false })).toEqual({
      risk: "modifying",
      riskSource: "rules",
      reasons: unknown.reasons,
    });
  });

  it("lets the model lower an unknown command to its floor", () => {
    const merged = mergeRisk({ rules: unknown, llm: says("read_only"), strict: false });
    expect(merged.risk).toBe("read_only");
    expect(merged.riskSource).toBe("llm");
    expect(ids(merged.reasons)).toEqual(["classify.unknown", MERGE_REASON_IDS.classification]);
    expect(merged.reasons[1]?.message).toBe("Claude: `read_only`: it is read_only");
  });

  it("never goes below a floor the rules proved (rm -rf stays destructive)", () => {
    const merged = mergeRisk({ rules: rmRf, llm: says("read_only"), strict: false });
    expect(merged).toMatchObject({ risk: "destructive", riskSource: "rules" });
    expect(ids(merged.reasons)).toEqual([
      "classify.rm-recursive",
      MERGE_REASON_IDS.classification,
      MERGE_REASON_IDS.belowFloor,
    ]);
  });

  it("lets the model raise a verdict, and names it as the source", () => {
    expect(mergeRisk({ rules: readOnly, llm: says("destructive"), strict: false })).toMatchObject({
      risk: "destructive",
      riskSource: "llm",
    });
  });

  it("gives a tie between model and rules to the rules", () => {
    expect(mergeRisk({ rules: unknown, llm: says("modifying"), strict: false })).toMatchObject({
      risk: "modifying",
      riskSource: "rules",
    });
  });

  it("under --strict keeps unknown at modifying even when the model says read_only", () => {
    const merged = mergeRisk({ rules: unknown, llm: says("read_only"), strict: true });
    expect(merged).toMatchObject({ risk: "modifying", riskSource: "rules" });
    expect(ids(merged.reasons)).toContain(MERGE_REASON_IDS.strict);
  });

  it("under --strict still lets the model raise", () => {
    expect(mergeRisk({ rules: unknown, llm: says("destructive"), strict: true })).toMatchObject({
      risk: "destructive",
      riskSource: "llm",
    });
  });

  it("does not let the model lower a step whose text addresses the classifier", () => {
    const merged = mergeRisk({ rules: unknown, llm: says("read_only", true), strict: false });
    expect(merged).toMatchObject({ risk: "modifying", riskSource: "rules" });
    expect(ids(merged.reasons)).toContain(MERGE_REASON_IDS.injection);
  });

  it("keeps the rules' verdict and says so when the answer was unusable", () => {
    const merged = mergeRisk({
      rules: unknown,
      llm: { kind: "unusable", detail: "no answer for this step" },
      strict: false,
    });
    expect(merged).toMatchObject({ risk: "modifying", riskSource: "rules" });
    expect(merged.reasons.at(-1)).toEqual({
      ruleId: MERGE_REASON_IDS.unusable,
      message:
        "model answer unusable (no answer for this step); kept the rules' verdict `modifying`",
    });
  });

  it("lets an annotation raise the level and names it as the source", () => {
    const merged = mergeRisk({
      rules: unknown,
      llm: says("read_only"),
      annotation: "destructive",
      strict: false,
    });
    expect(merged).toMatchObject({ risk: "destructive", riskSource: "annotation" });
    expect(ids(merged.reasons)).toEqual([
      "classify.unknown",
      MERGE_REASON_IDS.classification,
      MERGE_REASON_IDS.annotation,
    ]);
  });

  it("ignores an annotation below the result, with a reason", () => {
    const merged = mergeRisk({ rules: rmRf, annotation: "read_only", strict: false });
    expect(merged).toMatchObject({ risk: "destructive", riskSource: "rules" });
    expect(merged.reasons.at(-1)?.message).toContain("an annotation may only raise the risk");
  });

  it("gives a tie between annotation and the result to the earlier source", () => {
    expect(
      mergeRisk({
        rules: readOnly,
        llm: says("modifying"),
        annotation: "modifying",
        strict: false,
      }),
    ).toMatchObject({
      risk: "modifying",
      riskSource: "llm",
    });
  });

  it("never returns less than max(floor, model, annotation) over every combination", () => {
    const levels: RiskLevel[] = ["read_only", "modifying", "destructive"];
    const rank = (level: RiskLevel): number => levels.indexOf(level);
    for (const floor of levels)
      for (const risk of levels.filter((level) => rank(level) >= rank(floor)))
        for (const llm of levels)
          for (const annotation of [undefined, ...levels])
            for (const strict of [false, true]) {
              const merged = mergeRisk({
                rules: { risk, floor, reasons: [] },
                llm: says(llm),
                annotation,
                strict,
              });
              const expected = Math.max(
                rank(strict ? risk : floor),
                rank(llm),
                annotation === undefined ? 0 : rank(annotation),
              );
              expect(rank(merged.risk)).toBe(expected);
            }
  });
});
