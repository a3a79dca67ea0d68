import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { HOSTILE_INPUTS } from "../../bench/hostile/inputs.js";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { assessWithRules } from "../../src/app/assess.js";
import { validateRunbooks } from "../../src/app/validate.js";
import { parseRunbook } from "../../src/parse/index.js";

// Parsing rule 13: every pathological input of issue 9, at the size measured there, finishes
// with a finding or a reasoned verdict instead of hanging or crashing. No timings are asserted:
// before the fix each of these took minutes or overflowed the stack, so finishing is the test.

let parser: Parser;
let dir: string;
beforeAll(async () => {
  parser = await loadBashParser();
  dir = mkdtempSync(path.join(tmpdir(), "hostile-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const input = (name: string, scale = 1): string => {
  const found = HOSTILE_INPUTS.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no hostile input ${name}`);
  return found.text(scale);
};

const assess = (text: string) =>
  assessWithRules(
    parseRunbook({ path: "hostile.md", text, sha256: "" }, DEFAULT_CONFIG),
    parser,
    DEFAULT_CONFIG,
  );

describe("hostile Markdown: an RB022 error at the line, the file not parsed", () => {
  const cases: readonly [string, RegExp, number][] = [
    ["nested-quotes", /nesting 4501 levels deep/, 3],
    // Level 67 is indented 201 columns: 100 levels, plus its own marker.
    ["nested-lists", /nesting 102 levels deep/, 3 + 67],
    ["emphasis", /100000 emphasis or strikethrough markers/, 3],
    ["angle-brackets", /200000 `<` characters/, 3],
    ["fences-off-indent", /2001th list item or block quote line/, 3 + 2000 * 6],
  ];
  for (const [name, message, line] of cases) {
    it(`${name}: reported at line ${line}`, () => {
      const { runbook, findings } = assess(input(name));
      expect(runbook.steps).toEqual([]);
      expect(findings).toContainEqual(
        expect.objectContaining({
          ruleId: "RB022",
          severity: "error",
          line,
          message: expect.stringMatching(message) as unknown,
        }),
      );
    });
  }

  it("nesting made of markers on one line, of indentation, or mixed, all count", () => {
    for (const text of [
      `${"- ".repeat(150)}x\n`,
      `${"1. ".repeat(150)}x\n`,
      `${"> - ".repeat(80)}x\n`,
      Array.from({ length: 150 }, (_v, level) => `${"  ".repeat(level)}- x`).join("\n"),
    ]) {
      expect(assess(text).findings.map((finding) => finding.ruleId)).toContain("RB022");
    }
  });

  it("nested emphasis, images and links deeper than the stack once reached: no crash", () => {
    for (const text of [
      `1. ${"**".repeat(1_900)}a${"**".repeat(1_900)}\n`,
      `1. ${"![".repeat(3_000)}a${"](b)".repeat(3_000)}\n`,
      `1. ${"[".repeat(20_000)}a${"]".repeat(20_000)}\n\n   \`\`\`bash\n   ls\n   \`\`\`\n`,
    ]) {
      expect(() => assess(text)).not.toThrow();
    }
  });

  it("inside the limits, deep nesting is parsed: the walk is iterative", () => {
    const depth = 60;
    const text = `${Array.from({ length: depth }, (_v, level) => `${"   ".repeat(level)}1. level ${level}`).join("\n")}\n${"   ".repeat(depth)}\`\`\`bash\n${"   ".repeat(depth)}ls\n${"   ".repeat(depth)}\`\`\`\n`;
    const { runbook, findings } = assess(text);
    expect(findings.filter((finding) => finding.ruleId === "RB022")).toEqual([]);
    expect(runbook.steps).toHaveLength(1);
    expect(runbook.steps[0]?.commands.map((command) => command.script)).toEqual(["ls"]);
  });
});

describe("hostile scripts: a modifying verdict with the reason, never minutes of analysis", () => {
  it("a fence over the length bound is not analysed", () => {
    // A fifth of the benchmark's 2 MB: still over the bound, without timing the Markdown parser.
    const { steps } = assess(input("long-fence", 0.2));
    expect(steps[0]?.rules.risk).toBe("modifying");
    expect(steps[0]?.rules.reasons.map((reason) => reason.ruleId)).toContain("script.too-long");
  });

  it("a 768 KB awk line and a 400 KB python fence are bounded the same way", () => {
    for (const name of ["awk-print-line", "python-fence"]) {
      const { steps } = assess(input(name));
      expect(steps[0]?.rules.risk, name).toBe("modifying");
      expect(steps[0]?.rules.reasons.map((reason) => reason.ruleId)).toContain("script.too-long");
    }
  });

  it("tree-sitter's quadratic input (a long run of `<`) is cut off by the parse budget", () => {
    const text = `1. S\n\n   \`\`\`bash\n   ${"<".repeat(40_000)}\n   \`\`\`\n`;
    const { steps } = assess(text);
    expect(steps[0]?.rules.risk).toBe("modifying");
    expect(steps[0]?.rules.reasons.map((reason) => reason.ruleId)).toContain("script.too-costly");
  });
});

describe("max_file_bytes", () => {
  it("a file over the limit is an RB022 error at line 1 and is not read", async () => {
    const file = path.join(dir, "huge.md");
    writeFileSync(file, input("huge-file"));
    const { report, unreadable } = await validateRunbooks([file], {
      config: { ...DEFAULT_CONFIG, noLlm: true },
    });
    expect(unreadable).toEqual([]);
    expect(report.runbooks[0]?.steps).toEqual([]);
    expect(report.runbooks[0]?.findings).toContainEqual(
      expect.objectContaining({
        ruleId: "RB022",
        severity: "error",
        line: 1,
        message: expect.stringContaining("max_file_bytes") as unknown,
      }),
    );
  });

  it("the limit is the configured one", async () => {
    const file = path.join(dir, "small.md");
    writeFileSync(file, "# Small\n\n1. Step.\n\n   ```bash\n   ls\n   ```\n");
    const config = { ...DEFAULT_CONFIG, noLlm: true, maxFileBytes: 10 };
    const { report } = await validateRunbooks([file], { config });
    expect(report.runbooks[0]?.findings.map((finding) => finding.ruleId)).toEqual(["RB022"]);
    const roomy = await validateRunbooks([file], { config: { ...config, maxFileBytes: 1000 } });
    expect(roomy.report.runbooks[0]?.steps).toHaveLength(1);
  });
});

describe("validation budget", () => {
  it("files not started before the budget runs out are reported as skipped errors, never passed", async () => {
    const files = ["a.md", "b.md"].map((name) => path.join(dir, name));
    for (const file of files) writeFileSync(file, "# A\n\n1. Step.\n\n   ```bash\n   ls\n   ```\n");
    const config = { ...DEFAULT_CONFIG, noLlm: true };
    const spent = await validateRunbooks(files, { config, budgetMs: -1 });
    expect(spent.report.runbooks).toEqual([]);
    expect(spent.unreadable.map((error) => [error.code, error.file])).toEqual(
      files.map((file) => ["INPUT_SKIPPED", file]),
    );
    const roomy = await validateRunbooks(files, { config, budgetMs: 60_000 });
    expect(roomy.unreadable).toEqual([]);
    expect(roomy.report.runbooks).toHaveLength(2);
  });
});
