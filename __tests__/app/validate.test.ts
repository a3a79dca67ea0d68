import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { validateRunbooks } from "../../src/app/validate.js";

const FIXTURES = path.resolve(import.meta.dirname, "../fixtures/engine");

describe("validateRunbooks", () => {
  it("invariant 2: neither an author annotation nor the runbook's text lowers a risk the rules proved", async () => {
    const { report, unreadable } = await validateRunbooks(
      [path.join(FIXTURES, "downgrade-attempts.md")],
      { config: DEFAULT_CONFIG },
    );
    expect(unreadable).toEqual([]);
    const [deletes, lists] = report.runbooks[0]?.steps ?? [];
    expect(deletes).toMatchObject({
      risk: "destructive",
      riskSource: "rules",
      needsApproval: true,
    });
    expect(deletes?.reasons.map((reason) => reason.ruleId)).toContain("annotation");
    expect(lists).toMatchObject({ risk: "read_only", needsApproval: false });
    expect(report.runbooks[0]?.findings.map((finding) => finding.ruleId)).toContain("RB017");
  });

  it("reports unreadable files and still validates the rest", async () => {
    const { report, unreadable } = await validateRunbooks(
      [path.join(FIXTURES, "missing.md"), path.join(FIXTURES, "downgrade-attempts.md")],
      { config: DEFAULT_CONFIG },
    );
    expect(unreadable.map((error) => error.code)).toEqual(["INPUT_NOT_FOUND"]);
    expect(report.runbooks.map((runbook) => path.basename(runbook.path))).toEqual([
      "downgrade-attempts.md",
    ]);
  });
});
