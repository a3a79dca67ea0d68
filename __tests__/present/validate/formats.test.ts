import { describe, expect, it } from "vitest";
import { RunbookExecError } from "../../../src/core/errors.js";
import type { ValidationReport } from "../../../src/core/report.js";
import { formatGithub } from "../../../src/present/validate/github.js";
import { escapeData, escapeProperty } from "../../../src/present/escape/workflow-commands.js";
import { formatJson } from "../../../src/present/validate/json.js";
import { formatSarif } from "../../../src/present/validate/sarif.js";
import { formatText } from "../../../src/present/validate/text.js";
import { expectGolden, REPORT, RULES } from "./golden.js";

const ESC = "\u001b";
// Every control character except tab and line feed, plus the bidi overrides.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = new RegExp("[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u202a-\\u202e]");

describe("formatText", () => {
  it("prints step tables, findings sorted by position, and totals (golden, no colour)", () => {
    expectGolden(formatText(REPORT, { color: false, cwd: "/repo", rules: RULES }), "report.txt");
  });

  it("paints risk badges and severities when colour is on (golden)", () => {
    const text = formatText(REPORT, { color: true, cwd: "/repo", rules: RULES });
    expectGolden(text, "report.color.txt");
    expect(text).toContain(`${ESC}[32mread_only`);
    expect(text).toContain(`${ESC}[33mmodifying`);
    expect(text).toContain(`${ESC}[31mdestructive`);
  });

  it("neutralises ANSI escapes, control characters and bidi overrides from the runbook", () => {
    const plain = formatText(REPORT, { color: false, cwd: "/repo", rules: RULES });
    expect(plain).not.toContain(ESC);
    expect(plain).not.toMatch(CONTROL);
    expect(plain).toContain("Evil <ESC>[2J<ESC>[31mtitle<ESC>]8;;http://x<U+0007>link");
    expect(plain).toContain("Reset<U+202E><U+0007>");
    expect(plain).toContain("line one line two with a tab <ESC>[1mbold");
    const coloured = formatText(REPORT, { color: true, cwd: "/repo", rules: RULES });
    // Only our own SGR colour codes may remain.
    expect(coloured.replace(new RegExp(`${ESC}\\[\\d+m`, "g"), "")).not.toMatch(CONTROL);
  });

  it("shows absolute paths relative to cwd", () => {
    const report: ValidationReport = {
      schemaVersion: 1,
      runbooks: [
        { ...REPORT.runbooks[2], path: "/repo/docs/a.md", title: "A", steps: [], findings: [] },
      ],
    };
    expect(formatText(report, { color: false, cwd: "/repo", rules: RULES })).toContain(
      "docs/a.md  A\n",
    );
  });

  it("prints only the findings when quiet, and nothing without findings", () => {
    const quiet = formatText(REPORT, { color: false, cwd: "/repo", rules: RULES, quiet: true });
    expect(quiet.split("\n").filter(Boolean)).toHaveLength(4);
    expect(quiet).toMatch(/^runbooks\/disk-full\.md:2:1 {3}info {5}RB007\/no-owners/);
    const clean: ValidationReport = {
      schemaVersion: 1,
      runbooks: [{ path: "a.md", title: "A", steps: [], findings: [] }],
    };
    expect(formatText(clean, { color: false, cwd: "/", rules: RULES, quiet: true })).toBe("");
  });
});

describe("formatJson", () => {
  it("prints the contract (golden)", () => {
    expectGolden(formatJson(REPORT), "report.out.json");
  });

  it("keeps the contract's key order and drops fields the contract does not have", () => {
    const runbook = REPORT.runbooks[0];
    if (runbook === undefined) throw new Error("fixture has no runbook");
    const finding = {
      alias: "extra",
      fix: "extra",
      message: "m",
      column: 2,
      line: 1,
      severity: "error",
      ruleId: "RB001",
    } as const;
    const noisy: ValidationReport = {
      schemaVersion: 1,
      runbooks: [{ ...runbook, findings: [finding] }],
    };
    const parsed = JSON.parse(formatJson(noisy)) as {
      runbooks: { findings: object[]; steps: object[] }[];
    };
    expect(Object.keys(parsed)).toEqual(["schemaVersion", "runbooks"]);
    expect(Object.keys(parsed.runbooks[0] ?? {})).toEqual(["path", "title", "steps", "findings"]);
    expect(Object.keys(parsed.runbooks[0]?.findings[0] ?? {})).toEqual([
      "ruleId",
      "severity",
      "line",
      "column",
      "message",
      "fix",
    ]);
    expect(Object.keys(parsed.runbooks[0]?.steps[0] ?? {})).toEqual([
      "index",
      "line",
      "section",
      "text",
      "commands",
      "risk",
      "riskSource",
      "reasons",
      "needsApproval",
    ]);
  });

  it("round-trips the report unchanged, a finding without a fix carrying `fix: null`", () => {
    const withNullFixes = {
      ...REPORT,
      runbooks: REPORT.runbooks.map((runbook) => ({
        ...runbook,
        findings: runbook.findings.map((finding) => ({ ...finding, fix: finding.fix ?? null })),
      })),
    };
    expect(JSON.parse(formatJson(REPORT))).toEqual(withNullFixes);
  });
});

describe("formatGithub", () => {
  it("prints one workflow command per finding (golden)", () => {
    expectGolden(formatGithub(REPORT, { rules: RULES }), "report.github.txt");
  });

  it("escapes data and properties so runbook text cannot end or start a command", () => {
    const lines = formatGithub(REPORT, { rules: RULES }).split("\n").filter(Boolean);
    expect(lines).toHaveLength(4);
    const evil = lines[3] ?? "";
    expect(evil).toBe(
      "::error file=runbooks/evil%2C part%3A1 100%25.md,line=4,col=2,title=RB099::50%25 done%0A::error::injected <ESC>[0m",
    );
    expect(lines[0]).toBe(
      "::warning file=runbooks/disk-full.md,line=30,col=3,title=RB002 (no-language)::Unexpected fence without a language, expected `bash` or another language",
    );
    expect(lines.find((l) => l.startsWith("::notice"))).toContain("title=RB007 (no-owners)::");
  });

  it("puts unreadable inputs first, as errors with the error code in the title", () => {
    const problems = [
      new RunbookExecError("INPUT_BINARY", "binary file, not a runbook", {
        file: "docs/a,b.md",
        line: 2,
      }),
      new RunbookExecError("INPUT_NOT_FOUND", "glob matched no files\nat all", {
        file: "x/**/*.md",
      }),
    ];
    const empty: ValidationReport = { schemaVersion: 1, runbooks: [] };
    expect(formatGithub(empty, { rules: RULES, problems })).toBe(
      "::error file=docs/a%2Cb.md,line=2,title=runbook-exec (INPUT_BINARY)::binary file, not a runbook\n" +
        "::error file=x/**/*.md,title=runbook-exec (INPUT_NOT_FOUND)::glob matched no files%0Aat all\n",
    );
  });

  it("escapes % first, then CR, LF, and in properties : and ,", () => {
    expect(escapeData("100%\r\n%0A")).toBe("100%25%0D%0A%250A");
    expect(escapeProperty("a:b,c%\n")).toBe("a%3Ab%2Cc%25%0A");
  });
});

describe("formatSarif", () => {
  const sarif = (): Record<string, unknown> =>
    JSON.parse(formatSarif(REPORT, RULES, { toolVersion: "1.2.3" })) as Record<string, unknown>;

  it("prints a SARIF 2.1.0 log (golden)", () => {
    expectGolden(formatSarif(REPORT, RULES, { toolVersion: "1.2.3" }), "report.sarif");
  });

  it("has the structure code scanning requires", () => {
    const log = sarif() as {
      $schema: string;
      version: string;
      runs: {
        tool: {
          driver: {
            name: string;
            version: string;
            informationUri: string;
            rules: Record<string, unknown>[];
          };
        };
        results: {
          ruleId: string;
          ruleIndex?: number;
          level: string;
          message: { text: string };
          locations: {
            physicalLocation: {
              artifactLocation: { uri: string };
              region: { startLine: number; startColumn: number };
            };
          }[];
        }[];
      }[];
    };
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.version).toBe("2.1.0");
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0];
    if (run === undefined) throw new Error("no run");
    expect(run.tool.driver).toMatchObject({
      name: "runbook-exec",
      version: "1.2.3",
      informationUri: expect.stringMatching(/^https:\/\//),
    });
    expect(run.tool.driver.rules[0]).toEqual({
      id: "RB001",
      name: "fence-at-margin",
      shortDescription: { text: "A fence at the left margin after a step is not part of it." },
      helpUri:
        "https://github.com/runbook-exec/runbook-exec/blob/main/docs/rules/RB001-fence-at-margin.md",
      defaultConfiguration: { level: "error" },
    });
    expect(
      run.tool.driver.rules.map((r) => (r["defaultConfiguration"] as { level: string }).level),
    ).toEqual(["error", "warning", "note"]);
    expect(run.results).toHaveLength(4);
    for (const result of run.results) {
      expect(["error", "warning", "note"]).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const location = result.locations[0]?.physicalLocation;
      expect(location?.artifactLocation.uri).not.toMatch(/^\/|\\/);
      expect(location?.region.startLine).toBeGreaterThanOrEqual(1);
      expect(location?.region.startColumn).toBeGreaterThanOrEqual(1);
      if (result.ruleIndex !== undefined) expect(RULES[result.ruleIndex]?.id).toBe(result.ruleId);
    }
    expect(run.results.map((r) => [r.ruleId, r.ruleIndex, r.level])).toEqual([
      ["RB002", 1, "warning"],
      ["RB001", 0, "error"],
      ["RB007", 2, "note"],
      ["RB099", undefined, "error"],
    ]);
    expect(run.results[3]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe(
      "runbooks/evil%2C%20part%3A1%20100%25.md",
    );
  });
});

describe("a finding's fix", () => {
  const FIXED: ValidationReport = {
    schemaVersion: 1,
    runbooks: [
      {
        path: "runbooks/margin.md",
        title: "Margin",
        steps: [],
        findings: [
          {
            ruleId: "RB002",
            severity: "error",
            line: 4,
            column: 1,
            message: "Unexpected fence at the left margin after step 1",
            fix: "Indent the fence by 3 spaces so it belongs to step 1:\n\n   ```bash\n   echo \u001b[2J\n   ```",
          },
        ],
      },
    ],
  };

  it("is printed under the finding in text, indented and sanitised", () => {
    const text = formatText(FIXED, { color: false, cwd: "/", rules: RULES });
    expect(text).toContain(
      [
        "      fix: Indent the fence by 3 spaces so it belongs to step 1:",
        "",
        "              ```bash",
        "              echo <ESC>[2J",
        "              ```",
      ].join("\n"),
    );
    expect(text).not.toContain(ESC);
  });

  it("follows the message in SARIF and in workflow commands", () => {
    const sarif = JSON.parse(formatSarif(FIXED, RULES, { toolVersion: "0.0.0" })) as {
      runs: { results: { message: { text: string } }[] }[];
    };
    expect(sarif.runs[0]?.results[0]?.message.text).toMatch(
      /^Unexpected fence at the left margin after step 1\n\nFix: Indent the fence by 3 spaces/,
    );
    expect(formatGithub(FIXED, { rules: RULES })).toContain(
      "::Unexpected fence at the left margin after step 1%0A%0AFix: Indent the fence by 3 spaces",
    );
  });

  it("is in the JSON contract verbatim, and null for a finding without one", () => {
    const json = JSON.parse(formatJson(FIXED)) as ValidationReport;
    expect(json.runbooks[0]?.findings[0]?.fix).toBe(FIXED.runbooks[0]?.findings[0]?.fix);
    const { fix: _dropped, ...bare } = FIXED.runbooks[0]?.findings[0] ?? { message: "" };
    const runbook = FIXED.runbooks[0];
    if (runbook === undefined) throw new Error("fixture has no runbook");
    const without = JSON.parse(
      formatJson({ schemaVersion: 1, runbooks: [{ ...runbook, findings: [bare as never] }] }),
    ) as { runbooks: { findings: Record<string, unknown>[] }[] };
    expect(without.runbooks[0]?.findings[0]).toHaveProperty("fix", null);
  });
});
