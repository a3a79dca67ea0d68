import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { lintRunbook } from "../../src/lint/index.js";
import { parseRunbook } from "../../src/parse/index.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const HEADINGS =
  "# Cache\n\n## Check\n\nPing it:\n\n```bash\nredis-cli ping\n```\n\n## Restart\n\n```bash\nsystemctl restart redis\n```\n";

function lint(text: string, stepMode: "numbered" | "fences" = "numbered") {
  const runbook = parseRunbook(
    { path: "rb.md", sha256: "0", text },
    { ...DEFAULT_CONFIG, stepMode },
  );
  const findings = lintRunbook(runbook, { parser, severities: {} }).filter(
    (finding) => finding.ruleId === "RB021",
  );
  return { runbook, findings };
}

describe("runbooks written as headings and fences", () => {
  it("without numbered steps: a warning that counts the fences and gives both fixes", () => {
    const { runbook, findings } = lint(HEADINGS);
    expect(runbook.steps).toEqual([]);
    expect(findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        line: 7,
        message: expect.stringContaining("2 executable fences will never run") as unknown,
      }),
    ]);
    expect(findings[0]?.fix).toContain("steps: fences");
    expect(findings[0]?.fix).toContain("numbered list");
  });

  it("step_mode = fences (or steps: fences) makes each fence a step, with section and text", () => {
    for (const { text, mode } of [
      { text: HEADINGS, mode: "fences" as const },
      { text: `---\nsteps: fences\n---\n${HEADINGS}`, mode: "numbered" as const },
    ]) {
      const { runbook, findings } = lint(text, mode);
      expect(findings).toEqual([]);
      expect(
        runbook.steps.map((step) => [
          step.index,
          step.section,
          step.text,
          step.commands[0]?.script,
        ]),
      ).toEqual([
        [1, "Check", "Ping it:", "redis-cli ping"],
        [2, "Restart", "", "systemctl restart redis"],
      ]);
    }
  });

  it("a runbook with numbered steps keeps them, and the stray fences are warned about", () => {
    const text = `${HEADINGS}\n## Verify\n\n1. Check again:\n\n   \`\`\`bash\n   redis-cli ping\n   \`\`\`\n`;
    for (const mode of ["numbered", "fences"] as const) {
      const { runbook, findings } = lint(text, mode);
      expect(runbook.steps.map((step) => step.section)).toEqual(["Verify"]);
      expect(findings).toEqual([
        expect.objectContaining({
          message: expect.stringContaining(
            "2 executable fences outside the numbered steps",
          ) as unknown,
        }),
      ]);
    }
  });
});
