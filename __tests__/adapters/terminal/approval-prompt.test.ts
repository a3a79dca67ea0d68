import { userInfo } from "node:os";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ApprovalInterruptedError } from "../../../src/gate/errors.js";
import {
  APPROVAL_PROMPT,
  TerminalApprovalProvider,
} from "../../../src/adapters/terminal/approval-prompt.js";
import { FakeTty, HASH, Sink, approvalOptions, approvalRequest } from "../../gate/helpers.js";

/** No type-ahead guard by default: these tests answer at once; the guard has its own test. */
function setup(typeAheadGuardMs = 0): {
  input: FakeTty;
  output: Sink;
  provider: TerminalApprovalProvider;
} {
  const input = new FakeTty();
  const output = new Sink();
  const provider = new TerminalApprovalProvider({ input, output, user: "alice", typeAheadGuardMs });
  return { input, output, provider };
}

describe("TerminalApprovalProvider", () => {
  it.each(["y", "yes", "Y", " YES "])(
    "approves on %j, recording the user and the hash",
    async (answer) => {
      const { input, output, provider } = setup();
      const pending = provider.request(approvalRequest(), approvalOptions());
      input.write(`${answer}\r`);
      const outcome = await pending;
      expect(outcome).toMatchObject({
        decision: "approved",
        approver: "alice",
        channel: "terminal",
        stepHash: HASH,
        reasonCode: "approved",
      });
      expect(Date.parse(outcome.at)).not.toBeNaN();
      expect(output.text).toContain(APPROVAL_PROMPT);
      expect(output.text).toContain("Approved by alice.");
      expect(input.rawMode).toBe(false);
    },
  );

  it.each([
    ["n", "answered_no"],
    ["no", "answered_no"],
    ["sure", "answered_no"],
    ["", "default_no"],
  ])("denies on %j (%s)", async (answer, reasonCode) => {
    const { input, provider } = setup();
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.write(`${answer}\n`);
    expect(await pending).toMatchObject({ decision: "denied", approver: "alice", reasonCode });
  });

  it("shows step, section, risk, reasons and every script line before asking", async () => {
    const { input, output, provider } = setup();
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.write("n\n");
    await pending;
    const shown = output.text.slice(0, output.text.indexOf(APPROVAL_PROMPT));
    expect(shown).toContain('step 3 of "Disk full" (runbooks/disk-full.md)');
    expect(shown).toContain("Section: Cleanup");
    expect(shown).toContain("Risk:    destructive (from rules)");
    expect(shown).toContain("- RBC-rm-recursive: `rm -rf` deletes files recursively");
    expect(shown).toContain("    │ rm -rf /var/cache/app/*\n    │ systemctl restart app\n");
    expect(shown).toContain(`Step hash: ${HASH}`);
  });

  it("ignores keys typed before the question appeared and asks again", async () => {
    const { input, output, provider } = setup(200);
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.write("y\ry\r"); // already waiting in the terminal when the prompt is shown
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output.text).toContain("Ignored keys typed before the question appeared; answer again.");
    expect(output.text).not.toContain("Approved");
    input.write("n\r");
    expect(await pending).toMatchObject({ decision: "denied", reasonCode: "answered_no" });
  });

  it("times out as timed_out with no approver", async () => {
    const { output, provider } = setup();
    const outcome = await provider.request(approvalRequest(), approvalOptions(50));
    expect(outcome).toMatchObject({
      decision: "timed_out",
      approver: undefined,
      reasonCode: "timeout",
    });
    expect(output.text).toContain("No answer within 50 ms: denied.");
  });

  it("denies when the input ends before an answer", async () => {
    const { input, provider } = setup();
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.end();
    expect(await pending).toMatchObject({
      decision: "denied",
      approver: undefined,
      reasonCode: "eof",
    });
  });

  it("rejects with ApprovalInterruptedError on Ctrl-C, ending the prompt line", async () => {
    const { input, output, provider } = setup();
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.write("\u0003");
    await expect(pending).rejects.toBeInstanceOf(ApprovalInterruptedError);
    await expect(pending).rejects.toMatchObject({ code: "APPROVAL_INTERRUPTED" });
    expect(output.text.endsWith("\n")).toBe(true);
  });

  it("rejects with the signal's reason when the run is aborted at the prompt", async () => {
    const { provider } = setup();
    const controller = new AbortController();
    const pending = provider.request(approvalRequest(), {
      signal: controller.signal,
      timeoutMs: 10_000,
    });
    controller.abort(new Error("SIGTERM"));
    await expect(pending).rejects.toThrow("SIGTERM");
  });

  it("denies without asking when stdin is not a terminal, and says how to get an approval", async () => {
    const output = new Sink();
    const provider = new TerminalApprovalProvider({
      input: new PassThrough(),
      output,
      user: "alice",
    });
    const outcome = await provider.request(approvalRequest(), approvalOptions());
    expect(outcome).toMatchObject({
      decision: "denied",
      approver: undefined,
      reasonCode: "no_channel",
    });
    expect(output.text).toContain(
      "Step 3 needs approval (risk destructive), but stdin is not a terminal: denied.",
    );
    expect(output.text).toMatch(/interactive terminal.*--auto-approve <level>/s);
    // Every way that exists, with what to set: the terminal, Slack, or --auto-approve.
    expect(output.text).toMatch(
      /interactive terminal.*SLACK_BOT_TOKEN and `slack_channel`.*--auto-approve/s,
    );
    expect(output.text).not.toContain(APPROVAL_PROMPT);
  });

  it("records the OS user when no user is given", async () => {
    const input = new FakeTty();
    const provider = new TerminalApprovalProvider({
      input,
      output: new Sink(),
      typeAheadGuardMs: 0,
    });
    const pending = provider.request(approvalRequest(), approvalOptions());
    input.write("y\n");
    expect((await pending).approver).toBe(userInfo().username);
  });
});
