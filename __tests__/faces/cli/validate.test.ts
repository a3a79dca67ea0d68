import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ValidationReport } from "../../../src/core/report.js";
import { ALL_RULES } from "../../../src/lint/registry.js";
import { CONFIG_CHECKS } from "../../../src/app/config-findings.js";
import { trustFile } from "../../../src/config/trust.js";
import {
  classifyEvery,
  startFakeAnthropic,
  type FakeAnthropic,
} from "../../helpers/fake-anthropic.js";
import { FIXTURES, run } from "./harness.js";
import { CORPUS_DIR, skipCorpus } from "../../helpers/corpus.js";

const ESC = "\u001b";
const scratchRoot = mkdtempSync(path.join(tmpdir(), "runbook-exec-cli-"));
const scratch = (): string => mkdtempSync(path.join(scratchRoot, "case-"));
afterAll(() => rmSync(scratchRoot, { recursive: true, force: true }));
/** Keeps the model's answer cache out of the fixtures. */
const quietEnv = (): Record<string, string> => ({ RUNBOOK_EXEC_CACHE_DIR: scratch() });

function parseJson(text: string): ValidationReport {
  return JSON.parse(text) as ValidationReport;
}

describe("validate: exit codes", () => {
  it("exits 0 and prints the step table when there are no error findings", async () => {
    const { code, stdout, stderr } = await run(["validate", "runbooks/clean.md", "--no-llm"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toContain("runbooks/clean.md  Disk check\n");
    expect(stdout).toMatch(/ 1 +5 +Diagnosis +read_only +- /);
    expect(stdout).toMatch(/1 runbook, 2 steps \(0 destructive, 0 need approval\), 0 errors/);
  });

  it("exits 1 on an error finding and prints it as path:line:col severity id/alias message", async () => {
    const { code, stdout } = await run(["validate", "runbooks/margin.md", "--no-llm"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^ {2}runbooks\/margin\.md:11:1 {2}error {4}RB002\/fence-at-margin {2}\S/m,
    );
  });

  it("exits 2 when an input matches nothing, after reporting the rest", async () => {
    const { code, stdout, stderr } = await run([
      "validate",
      "runbooks/clean.md",
      "missing.md",
      "--no-llm",
      "--format",
      "json",
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "runbook-exec: missing.md: no such file or directory; fix: check the path (relative paths start at the working directory)\n",
    );
    expect(parseJson(stdout).runbooks.map((r) => r.path)).toEqual(["runbooks/clean.md"]);
  });

  it("exits 2 on a binary file, naming it", async () => {
    const { code, stderr } = await run(["validate", "unreadable/blob.md", "--no-llm"]);
    expect(code).toBe(2);
    // The engine's message, with the path shown relative to the working directory.
    expect(stderr).toMatch(/^runbook-exec: unreadable\/blob\.md:2: [^\n]*binary[^\n]*\n$/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("exits 2 on a bad config, naming the file, line and key", async () => {
    const cwd = path.join(FIXTURES, "bad-config");
    const { code, stdout, stderr } = await run(["validate", "../runbooks/clean.md", "--no-llm"], {
      cwd,
    });
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(
      `runbook-exec: ${path.join(cwd, ".runbook-exec.toml")}:2: \`timeout_seconds\` must be a positive whole number of seconds, got \`"soon"\`; fix: e.g. \`timeout_seconds = 300\`\n`,
    );
  });

  it("exits 2 on a bad RUNBOOK_EXEC_* variable", async () => {
    const { code, stderr } = await run(["validate", "runbooks/clean.md"], {
      env: { RUNBOOK_EXEC_NO_LLM: "perhaps" },
    });
    expect(code).toBe(2);
    expect(stderr).toContain("`RUNBOOK_EXEC_NO_LLM` must be true or false");
  });
});

describe("validate: configuration", () => {
  it("turns an error rule down from the config found upward only once that file is trusted (invariant 11)", async () => {
    const cwd = path.join(FIXTURES, "warn-config");
    const env = { XDG_CONFIG_HOME: scratch() };
    const argv = ["validate", "../runbooks/margin.md", "--no-llm", "--format", "json"];
    const severity = (stdout: string): string | undefined =>
      parseJson(stdout).runbooks[0]?.findings.find((f) => f.ruleId === "RB002")?.severity;
    const before = await run(argv, { cwd, env });
    expect(before.code).toBe(1);
    expect(severity(before.stdout)).toBe("error");
    // what was ignored is a finding of the report (CFG001), not a line on stderr
    expect(before.stderr).toBe("");
    expect(parseJson(before.stdout).config).toEqual([
      {
        path: ".runbook-exec.toml",
        findings: [expect.objectContaining({ ruleId: "CFG001", severity: "warning", line: 1 })],
      },
    ]);
    const file = path.join(cwd, ".runbook-exec.toml");
    trustFile(file, readFileSync(file), env);
    const after = await run(argv, { cwd, env });
    expect(after.code).toBe(0);
    expect(severity(after.stdout)).toBe("warning");
    expect(after.stderr).toBe("");
  });

  describe("ignored settings of an untrusted config are a finding in every format", () => {
    const cwd = path.join(FIXTURES, "warn-config");
    const argv = (format: string): string[] => [
      "validate",
      "../runbooks/clean.md",
      "--no-llm",
      "--format",
      format,
    ];
    const env = (): Record<string, string> => ({ XDG_CONFIG_HOME: scratch() });
    const trust = `runbook-exec trust ${path.join(cwd, ".runbook-exec.toml")}`;

    it("json: `config[]` holds the file, the setting, its line and the fix; exit stays 0", async () => {
      const { code, stdout, stderr } = await run(argv("json"), { cwd, env: env() });
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      const [file] = parseJson(stdout).config ?? [];
      expect(file?.path).toBe(".runbook-exec.toml");
      expect(file?.findings).toEqual([
        {
          ruleId: "CFG001",
          severity: "warning",
          line: 1,
          column: 1,
          message: expect.stringContaining('`[rules] RB002 = "warning"`') as unknown,
          fix: expect.stringContaining(trust) as unknown,
        },
      ]);
    });

    it("sarif: a result at the config file's line, and the check among the driver's rules", async () => {
      const { code, stdout } = await run(argv("sarif"), { cwd, env: env() });
      expect(code).toBe(0);
      const log = JSON.parse(stdout) as {
        runs: {
          tool: { driver: { rules: { id: string }[] } };
          results: { ruleId: string; ruleIndex?: number; locations: unknown[] }[];
        }[];
      };
      const [sarifRun] = log.runs;
      const ids = sarifRun?.tool.driver.rules.map((rule) => rule.id) ?? [];
      const result = sarifRun?.results.find((r) => r.ruleId === "CFG001");
      expect(result?.ruleIndex).toBe(ids.indexOf("CFG001"));
      expect(result?.locations).toEqual([
        {
          physicalLocation: {
            artifactLocation: { uri: ".runbook-exec.toml" },
            region: { startLine: 1, startColumn: 1 },
          },
        },
      ]);
    });

    it("github: a warning annotation on the config file", async () => {
      const { code, stdout } = await run(argv("github"), { cwd, env: env() });
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^::warning file=\.runbook-exec\.toml,line=1,col=1,title=CFG001 \(untrusted-config-setting\)::.*runbook-exec trust /m,
      );
    });

    it("text: the file, the finding with its fix, and the warning counted", async () => {
      const { code, stdout, stderr } = await run(argv("text"), { cwd, env: env() });
      expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
      expect(stdout).toContain(".runbook-exec.toml  (configuration)");
      expect(stdout).toMatch(
        /\.runbook-exec\.toml:1:1 +warning +CFG001\/untrusted-config-setting +Unexpected `\[rules\] RB002 = "warning"`/,
      );
      expect(stdout).toContain(
        `fix: If you have read the file and want its settings, run \`${trust}\``,
      );
      expect(stdout).toMatch(/, 1 warning, /);
    });

    it("a trusted file has no such finding", async () => {
      const trusted = env();
      const file = path.join(cwd, ".runbook-exec.toml");
      trustFile(file, readFileSync(file), trusted);
      const { stdout } = await run(argv("json"), { cwd, env: trusted });
      expect(parseJson(stdout).config).toBeUndefined();
    });
  });

  it("takes --config PATH over the search", async () => {
    const { code } = await run([
      "validate",
      "runbooks/margin.md",
      "--no-llm",
      "--config",
      "warn-config/.runbook-exec.toml",
    ]);
    expect(code).toBe(0);
  });
});

describe("validate: formats", () => {
  it("json: the contract, with paths relative to cwd", async () => {
    const { code, stdout } = await run(["validate", "runbooks", "--no-llm", "--format", "json"]);
    expect(code).toBe(1);
    const report = parseJson(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.runbooks.map((r) => r.path)).toEqual([
      "runbooks/clean.md",
      "runbooks/inline.md",
      "runbooks/margin.md",
      "runbooks/unknown.md",
    ]);
    const clean = report.runbooks[0];
    expect(clean?.steps[0]).toEqual({
      index: 1,
      line: 5,
      section: "Diagnosis",
      text: "Check overall disk usage.",
      commands: [{ language: "bash", line: 7, script: "df -h" }],
      risk: "read_only",
      riskSource: "rules",
      reasons: expect.any(Array),
      needsApproval: false,
    });
  });

  it("sarif: every registered rule, results with relative URIs", async () => {
    const { code, stdout } = await run([
      "validate",
      "runbooks/margin.md",
      "--no-llm",
      "-f",
      "sarif",
    ]);
    expect(code).toBe(1);
    const log = JSON.parse(stdout) as {
      version: string;
      runs: {
        tool: { driver: { rules: { id: string }[] } };
        results: {
          ruleId: string;
          locations: { physicalLocation: { artifactLocation: { uri: string } } }[];
        }[];
      }[];
    };
    expect(log.version).toBe("2.1.0");
    expect(log.runs[0]?.tool.driver.rules.map((r) => r.id)).toEqual(
      [...ALL_RULES, ...CONFIG_CHECKS].map((r) => r.id),
    );
    const result = log.runs[0]?.results.find((r) => r.ruleId === "RB002");
    expect(result?.locations[0]?.physicalLocation.artifactLocation.uri).toBe("runbooks/margin.md");
  });

  it("github: workflow commands", async () => {
    const { code, stdout } = await run([
      "validate",
      "runbooks/margin.md",
      "--no-llm",
      "--format",
      "github",
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error file=runbooks\/margin\.md,line=11,col=1,title=RB002 \(fence-at-margin\)::\S/m,
    );
  });

  it("github: inputs that match nothing or cannot be read are annotations too", async () => {
    const argv = ["validate", "unreadable/blob.md", "nope.md", "--no-llm", "--format", "github"];
    const { code, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stdout.split("\n").filter(Boolean)).toEqual([
      expect.stringMatching(
        /^::error file=nope\.md,title=runbook-exec \(INPUT_NOT_FOUND\)::no such file/,
      ),
      expect.stringMatching(
        /^::error file=unreadable\/blob\.md,line=2,title=runbook-exec \(INPUT_BINARY\)::/,
      ),
    ]);
  });

  it("tells a shell user to quote a glob that matched nothing", async () => {
    const { code, stderr } = await run(["validate", "nowhere/**/*.md", "--no-llm"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "nowhere/**/*.md: glob matched no files; fix: check the pattern, and quote it so the shell does not expand it first",
    );
  });

  it("names a missing input on stderr exactly as typed, absolute or relative", async () => {
    const absolute = path.join(scratch(), "nowhere", "gone.md");
    const argv = ["validate", absolute, "../not/here.md", "./x/../y.md", "--no-llm"];
    const { code, stderr } = await run(argv);
    expect(code).toBe(2);
    expect(stderr.split("\n").filter((line) => line.includes("no such file"))).toEqual([
      expect.stringMatching(
        new RegExp(`^runbook-exec: ${absolute.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: `),
      ),
      expect.stringMatching(/^runbook-exec: \.\.\/not\/here\.md: /),
      expect.stringMatching(/^runbook-exec: \.\/x\/\.\.\/y\.md: /),
    ]);
  });

  it("--output writes the report to a file and nothing to stdout", async () => {
    const out = path.join(scratch(), "reports", "result.json");
    const { code, stdout } = await run([
      "validate",
      "runbooks/clean.md",
      "--no-llm",
      "--format",
      "json",
      "--output",
      out,
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe("");
    expect(parseJson(readFileSync(out, "utf8")).runbooks).toHaveLength(1);
  });

  it("--quiet prints only the findings", async () => {
    const { stdout } = await run(["validate", "runbooks/margin.md", "--no-llm", "--quiet"]);
    expect(stdout).not.toContain("approval");
    expect(stdout).toMatch(/^runbooks\/margin\.md:11:1 {2}error/m);
  });

  it("colours text on a TTY, not with NO_COLOR, and with FORCE_COLOR when piped", async () => {
    const argv = ["validate", "runbooks/clean.md", "--no-llm"];
    expect((await run(argv, { tty: true })).stdout).toContain(`${ESC}[32mread_only`);
    expect((await run(argv, { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(ESC);
    expect((await run(argv, { tty: false })).stdout).not.toContain(ESC);
    expect((await run(argv, { tty: false, env: { FORCE_COLOR: "1" } })).stdout).toContain(ESC);
  });

  it("accepts globs and directories together without duplicates", async () => {
    const { stdout } = await run([
      "validate",
      "runbooks",
      "runbooks/*.md",
      "--no-llm",
      "--format",
      "json",
    ]);
    expect(parseJson(stdout).runbooks).toHaveLength(4);
  });
});

describe("validate: flags reach the engine", () => {
  it("--inline-code-commands makes a step's first inline code span its command", async () => {
    const argv = ["validate", "runbooks/inline.md", "--no-llm", "--format", "json"];
    const off = parseJson((await run(argv)).stdout).runbooks[0]?.steps[0];
    const on = parseJson((await run([...argv, "--inline-code-commands"])).stdout).runbooks[0]
      ?.steps[0];
    expect(off?.commands).toEqual([]);
    expect(on?.commands.map((c) => c.script)).toEqual(["df -h"]);
  });
});

describe("validate: the model", () => {
  let fake: FakeAnthropic | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it("asks Claude when a key is set, and the answer can settle an unknown command", async () => {
    fake = await startFakeAnthropic(classifyEvery(() => "read_only"));
    const env = { ...quietEnv(), ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: fake.url };
    const { code, stdout, stderr } = await run(
      ["validate", "runbooks/unknown.md", "--format", "json"],
      { env },
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(parseJson(stdout).runbooks[0]?.steps[0]).toMatchObject({
      risk: "read_only",
      riskSource: "llm",
    });
  });

  it("says once, on stderr, that the configured model is retired, and keeps the rules' verdicts", async () => {
    fake = await startFakeAnthropic(() => ({
      kind: "error",
      status: 404,
      type: "not_found_error",
      message: "model: claude-sonnet-4-5",
    }));
    const env = {
      ...quietEnv(),
      ANTHROPIC_API_KEY: "sk-ant-test",
      ANTHROPIC_BASE_URL: fake.url,
      RUNBOOK_EXEC_LLM_MODEL: "claude-sonnet-4-5",
      // One request at a time, so the second runbook's batch starts after the refusal is known.
      RUNBOOK_EXEC_LLM_CONCURRENCY: "1",
    };
    const { stdout, stderr } = await run(
      ["validate", "runbooks/unknown.md", "runbooks/clean.md", "--format", "json"],
      { env },
    );
    const notices = stderr
      .split("\n")
      .filter((line) => line.includes("unknown, deprecated or retired"));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain("`claude-sonnet-4-5`");
    expect(notices[0]).toContain("`llm_model`");
    expect(fake.requests).toHaveLength(1);
    expect(parseJson(stdout).runbooks[0]?.steps[0]?.riskSource).toBe("rules");
  });

  it("--strict keeps an unknown command at modifying even when Claude says read_only", async () => {
    fake = await startFakeAnthropic(classifyEvery(() => "read_only"));
    const env = { ...quietEnv(), ANTHROPIC_API_KEY: "sk-ant-test", ANTHROPIC_BASE_URL: fake.url };
    const argv = ["validate", "runbooks/unknown.md", "--format", "json", "--strict"];
    const { code, stdout } = await run(argv, { env });
    expect(code).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(parseJson(stdout).runbooks[0]?.steps[0]?.risk).toBe("modifying");
  });

  it.each([
    ["--no-llm", { argv: ["--no-llm"], cwd: FIXTURES, env: {} }],
    [
      "no_llm = true in the config file",
      { argv: [], cwd: path.join(FIXTURES, "no-llm-config"), env: {} },
    ],
    ["RUNBOOK_EXEC_NO_LLM=1", { argv: [], cwd: FIXTURES, env: { RUNBOOK_EXEC_NO_LLM: "1" } }],
  ])("never calls Claude under %s, even with a key", async (_name, setup) => {
    fake = await startFakeAnthropic(classifyEvery(() => "read_only"));
    const input = path.join(FIXTURES, "runbooks", "unknown.md");
    const env = {
      ...quietEnv(),
      ...setup.env,
      ANTHROPIC_API_KEY: "sk-ant-test",
      ANTHROPIC_BASE_URL: fake.url,
    };
    const { code, stdout, stderr } = await run(
      ["validate", input, "--format", "json", ...setup.argv],
      { cwd: setup.cwd, env },
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(fake.requests).toHaveLength(0);
    expect(parseJson(stdout).runbooks[0]?.steps[0]).toMatchObject({
      risk: "modifying",
      riskSource: "rules",
    });
  });

  it("says once on stderr that it classifies with rules only when no key is set", async () => {
    const { code, stderr } = await run(["validate", "runbooks/clean.md"], { env: quietEnv() });
    expect(code).toBe(0);
    expect(stderr).toMatch(
      /^runbook-exec: ANTHROPIC_API_KEY is not set: classifying with the rules alone/,
    );
    expect(stderr.split("\n").filter(Boolean)).toHaveLength(1);
  });
});

describe("validate: scale", () => {
  it("validates a thousand runbooks in one process", async () => {
    const root = scratch();
    for (let d = 0; d < 10; d += 1) {
      const dir = path.join(root, `team-${d}`);
      mkdirSync(dir);
      for (let f = 0; f < 100; f += 1)
        copyFileSync(path.join(FIXTURES, "runbooks", "clean.md"), path.join(dir, `rb-${f}.md`));
    }
    const started = performance.now();
    const { code, stdout } = await run(["validate", ".", "--no-llm", "--format", "json"], {
      cwd: root,
    });
    const seconds = (performance.now() - started) / 1000;
    expect(code).toBe(0);
    const report = parseJson(stdout);
    expect(report.runbooks).toHaveLength(1000);
    expect(report.runbooks.every((r) => r.steps.length === 2)).toBe(true);
    console.info(`validate: 1000 runbooks in ${seconds.toFixed(2)} s`);
  });
});

describe.skipIf(skipCorpus)("validate: real runbooks from outside the project", () => {
  /** Read in place, never copied, never run. */
  const corpus = CORPUS_DIR;

  it("reports the same findings in every format, with no unreadable file and no crash", async () => {
    const argv = ["validate", "runbooks", "--no-llm", "--format"];
    const json = await run([...argv, "json"], { cwd: corpus });
    expect(json.stderr).toBe("");
    const report = parseJson(json.stdout);
    expect(report.runbooks.length).toBeGreaterThanOrEqual(60);
    expect(
      report.runbooks.every((r) => r.path.startsWith("runbooks/") && r.path.endsWith(".md")),
    ).toBe(true);
    const findings = report.runbooks.flatMap((r) => r.findings);
    const errors = findings.filter((f) => f.severity === "error").length;
    expect(json.code).toBe(errors > 0 ? 1 : 0);

    const sarif = await run([...argv, "sarif"], { cwd: corpus });
    const log = JSON.parse(sarif.stdout) as { runs: { results: unknown[] }[] };
    expect(log.runs[0]?.results).toHaveLength(findings.length);

    const github = await run([...argv, "github"], { cwd: corpus });
    expect(github.stdout.split("\n").filter((line) => line.startsWith("::"))).toHaveLength(
      findings.length,
    );

    const text = await run([...argv, "text"], { cwd: corpus });
    const steps = report.runbooks.reduce((n, r) => n + r.steps.length, 0);
    expect(text.stdout).toContain(`${report.runbooks.length} runbooks, ${steps} steps`);
    expect([sarif.code, github.code, text.code]).toEqual([json.code, json.code, json.code]);
  }, 60_000);
});
