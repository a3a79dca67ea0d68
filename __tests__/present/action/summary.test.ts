import { describe, expect, it } from "vitest";
import { stepsFlowchart, MAX_CHART_STEPS } from "../../../src/present/action/mermaid.js";
import {
  renderSummary,
  SUMMARY_LIMIT_BYTES,
  type SummaryInput,
} from "../../../src/present/action/summary.js";
import { computeTotals } from "../../../src/app/totals.js";
import { RunbookExecError } from "../../../src/core/errors.js";
import type { StepReport, ValidationReport } from "../../../src/core/report.js";
import { loadReport } from "../../faces/action/report-fixture.js";

function input(report: ValidationReport, overrides: Partial<SummaryInput> = {}): SummaryInput {
  return {
    report,
    unreadable: [],
    totals: computeTotals(report, []),
    hidden: { error: 0, warning: 0, notice: 0 },
    scope: "Runbooks changed in pull request #7",
    deleted: [],
    classifiedBy: "llm",
    relativePath: (file) => file,
    aliasOf: (id) => (id === "RB001" ? "fence-at-margin" : undefined),
    ...overrides,
  };
}

describe("renderSummary", () => {
  it("shows totals, a step table, a flowchart and the findings per runbook", () => {
    const md = renderSummary(input(loadReport("two-runbooks")));
    expect(md).toContain("| 2 | 2 | 1 | 1 | 1 | 🟡 modifying | 1 |");
    expect(md).toContain("### <code>runbooks/disk&#45;full&#46;md</code> Disk full");
    expect(md).toContain(
      "| 2 | Fix | Restart the service&#46; | 🟡 modifying (rules) | <code>unknown&#45;command</code> <code>systemctl restart</code> changes state | **yes** |",
    );
    expect(md).toContain("```mermaid\nflowchart TD\n");
    expect(md).toContain(
      "| 16:1 | <code>RB001 &#40;fence&#45;at&#45;margin&#41;</code> | error | Fence at the margin |",
    );
    expect(md).toContain("No steps (no top-level ordered list).");
    expect(md).not.toContain("[!NOTE]");
  });

  it("renders the tool's own code spans as code and keeps what they quote inert", () => {
    const md = renderSummary(
      input(loadReport("two-runbooks"), {
        scope: "All runbooks matching `paths`.",
        unreadable: [
          new RunbookExecError("INPUT_NOT_FOUND", "glob `docs/*<b>x</b>` matched no files", {
            file: "docs",
          }),
        ],
      }),
    );
    expect(md).toContain("\nAll runbooks matching <code>paths</code>&#46;\n");
    expect(md).toContain("<code>docs/&#42;&#60;b&#62;x&#60;/b&#62;</code> matched no files");
    expect(md).not.toContain("&#96;");
    expect(md).not.toMatch(/<b>/);
  });

  it("keeps an unpaired backtick in a message inert", () => {
    const md = renderSummary(
      input(loadReport("two-runbooks"), {
        scope: "one ` backtick <script>",
      }),
    );
    expect(md).toContain("one &#96; backtick &#60;script&#62;");
  });

  it("says when classification used the built-in rules only", () => {
    const md = renderSummary(input(loadReport("two-runbooks"), { classifiedBy: "rules" }));
    expect(md).toContain("Risk classification used the built-in rules only");
    const none = renderSummary(
      input({ schemaVersion: 1, runbooks: [] }, { classifiedBy: "rules" }),
    );
    expect(none).not.toContain("built-in rules only");
  });

  it("lists annotations the runner's limits left out, unreadable and deleted files", () => {
    const md = renderSummary(
      input(loadReport("two-runbooks"), {
        hidden: { error: 3, warning: 0, notice: 1 },
        unreadable: [new RunbookExecError("INPUT_BINARY", "Binary <file>.", { file: "r/b.md" })],
        deleted: ["runbooks/old.md"],
      }),
    );
    expect(md).toContain("3 errors, 1 notice more are listed below only");
    expect(md).toContain("- :x: <code>r/b&#46;md</code>: Binary &#60;file&#62;&#46;");
    expect(md).toContain("- <code>runbooks/old&#46;md</code> was deleted (not validated)");
  });

  it("escapes every piece of runbook text: no HTML, no table break, no workflow command", () => {
    const md = renderSummary(input(loadReport("hostile")));
    expect(md).not.toMatch(/<(img|script|b)\b/i);
    expect(md).not.toContain("::error::");
    expect(md).not.toContain("::warning::");
    expect(md).not.toContain("](javascript");
    expect(md).toContain("<code>runbooks/evil&#124;name&#46;md</code>");
    // Each step row still has exactly the six cells of the header (seven pipes).
    const rows = md.split("\n").filter((line) => / \((rules|llm)\) \| /.test(line));
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.split("|")).toHaveLength(8);
  });

  it("leaves out runbooks past the 1 MiB limit and says how many", () => {
    const [one] = loadReport("two-runbooks").runbooks;
    if (one === undefined) throw new Error("fixture has no runbook");
    const huge = { ...one, findings: [{ ...one.findings[0], message: "m".repeat(50_000) }] };
    const report = {
      schemaVersion: 1 as const,
      runbooks: Array<typeof one>(40).fill(huge as typeof one),
    };
    const md = renderSummary(input(report));
    expect(Buffer.byteLength(md)).toBeLessThan(SUMMARY_LIMIT_BYTES + 200);
    expect(md).toMatch(/_21 more runbooks are not shown: the job summary is limited to 1 MiB\._/);
  });
});

function step(index: number, overrides: Partial<StepReport> = {}): StepReport {
  return {
    index,
    line: index,
    section: "",
    text: `Step ${index}`,
    commands: [],
    risk: "read_only",
    riskSource: "rules",
    reasons: [],
    needsApproval: false,
    ...overrides,
  };
}

describe("stepsFlowchart", () => {
  it("chains the steps, colours them by risk and marks gated steps as hexagons", () => {
    const chart = stepsFlowchart([
      step(1),
      step(2, { risk: "destructive", needsApproval: true, text: 'Drop "db" [now]' }),
    ]);
    expect(chart).toBe(
      [
        "```mermaid",
        "flowchart TD",
        '  s1["1#46; Step 1"]:::read_only',
        '  s2{{"2#46; Drop #34;db#34; #91;now#93;"}}:::destructive',
        "  s1 --> s2",
        "  classDef read_only fill:#dafbe1,stroke:#1a7f37,color:#0d1117",
        "  classDef modifying fill:#fff8c5,stroke:#9a6700,color:#0d1117",
        "  classDef destructive fill:#ffebe9,stroke:#cf222e,color:#0d1117",
        "```",
      ].join("\n"),
    );
  });

  it("ends a long chart with a node counting the steps left out", () => {
    const steps = Array.from({ length: MAX_CHART_STEPS + 5 }, (_, i) => step(i + 1));
    const chart = stepsFlowchart(steps);
    expect(chart).toContain('more["#8230; 5 more steps"]');
    expect(chart).toContain(`s${MAX_CHART_STEPS} --> more`);
    expect(chart).not.toContain(`s${MAX_CHART_STEPS + 1}[`);
  });
});
