import { afterEach, describe, expect, it } from "vitest";
import { createSlackApi } from "../../../src/adapters/slack/client.js";
import { createRedactor } from "../../../src/redact/redactor.js";
import type { RunView } from "../../../src/run/ports.js";
import { SlackRunNotifier } from "../../../src/adapters/slack/notifier.js";
import { startFakeSlack, type FakeSlack } from "../../helpers/fake-slack.js";
import { planned } from "../../run/fakes.js";

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const SECRET = "hunter2-very-secret";

async function notifier(options: { includeOutput: boolean; postIntervalMs?: number }) {
  fake = await startFakeSlack();
  const problems: string[] = [];
  const view = new SlackRunNotifier({
    api: createSlackApi({
      token: fake.token,
      apiUrl: fake.url,
      postIntervalMs: options.postIntervalMs ?? 0,
      defaultBudgetMs: 2000,
    }),
    channel: "#ops-approvals",
    run: {
      runbookTitle: "Disk <!here> full",
      runbookPath: "runbooks/disk.md",
      incidentId: "INC-7",
      mode: "live",
      host: "jump-1",
      user: "carol",
      requester: "UCAROL01",
      runId: "run-1",
      stepCount: 2,
    },
    includeOutput: options.includeOutput,
    redact: createRedactor({ env: { DB_PASSWORD: SECRET } }),
    onProblem: (message) => problems.push(message),
  });
  return { fake, view, problems };
}

function playRun(view: RunView): void {
  const one = planned(1);
  const two = planned(2);
  view.runStarted({ auditLogPath: "/logs/run.ndjson", steps: [one, two] });
  view.stepStarted(one, 1);
  view.output(Buffer.from(`password is ${SECRET}\n<!channel> \`\`\`\n`), "stdout");
  view.output(Buffer.from("x".repeat(5000)), "stdout");
  view.stepFinished(one, "succeeded", { durationMs: 1200, detail: "" });
  view.decision(one, { action: "continue", skipSteps: [], reasoning: "fine", source: "llm" }, []);
  view.stepStarted(two, 1);
  view.stepFinished(two, "failed", { durationMs: 300, detail: "exit code 3" });
  view.runFinished({
    status: "failed",
    counts: { steps: 2, succeeded: 1, failed: 1, skipped: 0, denied: 0 },
    durationMs: 1600,
    exitCode: 1,
    auditLogPath: "/logs/run.ndjson",
    head: { seq: 9, hash: "c".repeat(64) },
  });
}

describe("run notifications in Slack", () => {
  it("a start message, then in its thread a line per step, the decision and the summary with the audit head", async () => {
    const { fake, view } = await notifier({ includeOutput: false });
    playRun(view);
    await view.flush(5000);
    const [root, ...rest] = fake.messages;
    expect(root?.text).toContain("*Runbook started:* Disk &lt;!here&gt; full (runbooks/disk.md)");
    expect(root?.text).toContain("incident INC-7 · jump-1 · started by <@UCAROL01> (carol)");
    expect(rest.every((m) => m.threadTs === root?.ts)).toBe(true);
    expect(rest.map((m) => m.text)).toEqual([
      expect.stringMatching(/^✓ \*Step 1\* Step 1 · succeeded · 1\.2 ?s · exit 0$/),
      expect.stringContaining("Decision after step 1: continue (fine)"),
      expect.stringMatching(/^✗ \*Step 2\* Step 2 · failed · .* · exit code 3$/),
      expect.stringContaining(`audit head 9:${"c".repeat(64)}`),
    ]);
    expect(rest.at(-1)?.text).toContain("1 succeeded, 1 failed, 0 skipped, 0 denied of 2");
    expect(JSON.stringify(fake.messages)).not.toContain("password is");
  });

  it("output excerpts only with slack_notify_output: redacted, escaped, cut", async () => {
    const { fake, view } = await notifier({ includeOutput: true });
    playRun(view);
    await view.flush(5000);
    const line = fake.messages.find((m) => m.text.startsWith("✓"));
    const body = JSON.stringify(line?.blocks);
    expect(body).toContain("password is ***");
    expect(JSON.stringify(fake.messages)).not.toContain(SECRET);
    expect(body).toContain("&lt;!channel&gt;");
    expect(body).toMatch(/more characters in the audit log/);
    expect(body.length).toBeLessThan(3300);
  });

  it("posts at most one message a second to the channel", async () => {
    const { fake, view } = await notifier({ includeOutput: false, postIntervalMs: 1000 });
    const one = planned(1);
    const asView: RunView = view;
    asView.runStarted({ auditLogPath: "/l", steps: [one] });
    view.stepFinished(one, "succeeded", { durationMs: 1, detail: "" });
    view.stepFinished(one, "succeeded", { durationMs: 1, detail: "" });
    await view.flush(10_000);
    const times = fake.callsOf("chat.postMessage").map((c) => c.at);
    expect(times).toHaveLength(3);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("keeps a second between posts as Slack sees them when the first one reaches it late", async () => {
    const { fake, view } = await notifier({ includeOutput: false, postIntervalMs: 1000 });
    // Slack takes the start message in 600 ms late; spaced from sending, the next post would
    // reach it 400 ms after.
    fake.fail("chat.postMessage", { kind: "stall", ms: 600 });
    const one = planned(1);
    const asView: RunView = view;
    asView.runStarted({ auditLogPath: "/l", steps: [one] });
    view.stepFinished(one, "succeeded", { durationMs: 1, detail: "" });
    await view.flush(10_000);
    const times = fake.callsOf("chat.postMessage").map((c) => c.at);
    expect(times).toHaveLength(2);
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(1000);
  });

  it("a failing channel is reported once and never stops the run", async () => {
    const { fake, view, problems } = await notifier({ includeOutput: false });
    fake.fail("chat.postMessage", { kind: "error", error: "not_in_channel" });
    playRun(view);
    await view.flush(5000);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain("not_in_channel");
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });
});
