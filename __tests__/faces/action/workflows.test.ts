import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const FILES = [
  ".github/workflows/validate-runbooks.yml",
  ".github/workflows/run-runbook.yml",
  ...readdirSync(path.join(root, "examples/workflows")).map((f) => `examples/workflows/${f}`),
];

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  uses?: string;
  steps?: Step[];
}
interface Workflow {
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

function load(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(path.join(root, file), "utf8");
  return { text, workflow: parse(text) as Workflow };
}

// Our own action and reusable workflow go by release tag; everything else by full commit SHA.
const OWN = /^runbook-exec\/runbook-exec(\/\.github\/workflows\/[\w.-]+)?@v\d+$/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

describe.each(FILES)("%s", (file) => {
  const { text, workflow } = load(file);
  const jobs = Object.entries(workflow.jobs);

  it("pins third-party actions by commit SHA with the version in a comment", () => {
    for (const [, job] of jobs) {
      for (const uses of [job.uses, ...(job.steps ?? []).map((s) => s.uses)]) {
        if (uses === undefined || OWN.test(uses)) continue;
        expect(uses).toMatch(PINNED);
        expect(text).toMatch(new RegExp(`${uses.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} # v\\d`));
      }
    }
  });

  it("reads by default and grants write only to the job that uploads SARIF or answers ChatOps", () => {
    expect(workflow.permissions).toEqual({ contents: "read" });
    for (const [, job] of jobs) {
      expect(job.permissions?.["contents"]).toBe("read");
      const writes = Object.entries(job.permissions ?? {}).filter(([, level]) => level === "write");
      const uploadsSarif = (job.steps ?? []).some((s) => s.uses?.includes("/upload-sarif@"));
      const chatops = (job.steps ?? []).some((s) => s.with?.["command"] === "chatops");
      const allowed = [
        ...(uploadsSarif ? [["security-events", "write"]] : []),
        ...(chatops ? [["issues", "write"]] : []),
      ];
      expect(writes).toEqual(allowed);
    }
  });

  it("never pastes expressions into run: scripts (event data goes through env:)", () => {
    for (const [, job] of jobs) {
      for (const step of job.steps ?? []) expect(step.run ?? "").not.toContain("${{");
    }
  });
});

describe(".github/workflows/run-runbook.yml", () => {
  const { workflow } = load(".github/workflows/run-runbook.yml");
  const run = workflow.jobs["run"] as Job & {
    environment?: string;
    needs?: string;
    "runs-on"?: string;
  };
  const runStep = run.steps?.find((step) => step.uses?.startsWith("runbook-exec/")) as
    (Step & { with?: Record<string, string> }) | undefined;

  it("runs in the environment the plan job picked, bound to the plan's hash", () => {
    expect(run.needs).toBe("plan");
    expect(run.environment).toBe("${{ needs.plan.outputs.environment }}");
    expect(runStep?.with?.["command"]).toBe("run");
    expect(runStep?.with?.["plan-hash"]).toBe("${{ needs.plan.outputs.plan-hash }}");
    expect(runStep?.with?.["environment"]).toBe("${{ needs.plan.outputs.environment }}");
    expect(run["runs-on"]).toBe("${{ fromJSON(inputs.runner-labels) }}");
  });

  it("never runs two runs of the same runbook at once", () => {
    const concurrency = (workflow as Workflow & { concurrency?: { group: string } }).concurrency;
    expect(concurrency?.group).toContain("${{ inputs.runbook }}");
  });
});

describe("examples/workflows/chatops.yml", () => {
  const { workflow } = load("examples/workflows/chatops.yml");
  type ChatOpsJob = Job & { if?: string; concurrency?: string; "runs-on"?: string | string[] };
  const jobs = Object.values(workflow.jobs) as ChatOpsJob[];
  const filters = jobs.map((job) => job.if ?? "").join(" ");

  it("starts a runner only for /runbook, /approve, /deny and /abort comments", () => {
    for (const word of ["/runbook", "/approve", "/deny", "/abort"]) {
      expect(filters).toContain(`startsWith(github.event.comment.body, '${word}')`);
    }
    for (const job of jobs)
      expect(job.if ?? "").toMatch(/^startsWith\(github\.event\.comment\.body/);
  });

  it("runs on a self-hosted runner, one run per issue, with exactly the permissions it needs", () => {
    const run = workflow.jobs["run"] as ChatOpsJob;
    expect(run["runs-on"]).toContain("self-hosted");
    expect(run.concurrency).toBe("runbook-${{ github.event.issue.number }}");
    for (const job of jobs) {
      expect(job.permissions).toEqual({ contents: "read", issues: "write", actions: "read" });
      const step = (job.steps ?? []).find((s) => s.uses?.startsWith("runbook-exec/"));
      expect(step?.with?.["command"]).toBe("chatops");
    }
  });

  it("checks out the default branch, never a pull request's head", () => {
    for (const job of jobs) {
      for (const step of job.steps ?? []) expect(step.with?.["ref"]).toBeUndefined();
    }
  });
});
