import { userInfo } from "node:os";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { ApprovalInterruptedError } from "../../../src/gate/errors.js";
import {
  APPROVAL_PROMPT,
  TerminalApprovalProvider,
} from "../../../src/adapters/terminal/approval-prompt.js";
import { FakeTty, HASH, Sink, approvalOptions, approvalRequest } from "../../gate/helpers.js";
import { codePrompt, randomCode } from "../../../src/adapters/terminal/approval-prompt.js";

const CODE = "kxqz";

/**
 * No type-ahead guard and no flush window by default: these tests answer at once; the guard and
 * the flush have their own tests. Destructive steps ask for {@link CODE}.
 */
function setup(
  typeAheadGuardMs = 0,
  flushMs = 0,
): {
  input: FakeTty;
  output: Sink;
  provider: TerminalApprovalProvider;
} {
  const input = new FakeTty();
  const output = new Sink();
  const provider = new TerminalApprovalProvider({
    input,
    output,
    user: "alice",
    typeAheadGuardMs,
    flushMs,
    code: () => CODE,
  });
  return { input, output, provider };
}

/** Resolves once `text` has been written to `output`. */
async function shown(output: Sink, text: string): Promise<void> {
  while (!output.text.includes(text)) await new Promise((resolve) => setTimeout(resolve, 5));
}

const modifying = (): ReturnType<typeof approvalRequest> => approvalRequest({ risk: "modifying" });

describe("TerminalApprovalProvider", () => {
  it.each(["y", "yes", "Y", " YES "])(
    "approves a modifying step on %j, recording the user and the hash",
    async (answer) => {
      const { input, output, provider } = setup();
      const pending = provider.request(modifying(), approvalOptions());
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
  ])("denies a modifying step on %j (%s)", async (answer, reasonCode) => {
    const { input, provider } = setup();
    const pending = provider.request(modifying(), approvalOptions());
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
    const pending = provider.request(modifying(), approvalOptions());
    input.write("y\ry\r"); // already waiting in the terminal when the prompt is shown
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(output.text).toContain("Ignored keys typed before the question appeared; answer again.");
    expect(output.text).not.toContain("Approved");
    input.write("n\r");
    expect(await pending).toMatchObject({ decision: "denied", reasonCode: "answered_no" });
  });

  it("flushes input waiting before the question: a `y` typed earlier does not join a later Enter", async () => {
    const { input, output, provider } = setup(0, 50);
    const pending = provider.request(modifying(), approvalOptions());
    input.write("y"); // injected or typed ahead while the step before ran; no Enter yet
    await shown(output, APPROVAL_PROMPT);
    input.write("\r"); // the operator presses Enter: No
    expect(await pending).toMatchObject({ decision: "denied", reasonCode: "default_no" });
    expect(output.text).not.toContain("Approved");
  });

  it("a destructive step is approved only by the code it shows, never by `y`", async () => {
    for (const [answer, decision, reasonCode] of [
      ["y", "denied", "wrong_code"],
      ["yes", "denied", "wrong_code"],
      ["kxq", "denied", "wrong_code"],
      ["", "denied", "default_no"],
      [CODE, "approved", "approved"],
      [` ${CODE.toUpperCase()} `, "approved", "approved"],
    ] as const) {
      const { input, output, provider } = setup();
      const pending = provider.request(approvalRequest(), approvalOptions());
      await shown(output, codePrompt(CODE));
      input.write(`${answer}\r`);
      expect(await pending, `answer ${JSON.stringify(answer)}`).toMatchObject({
        decision,
        reasonCode,
      });
    }
  });

  it("draws a fresh 4-letter code for every question", () => {
    const codes = new Set(Array.from({ length: 50 }, () => randomCode()));
    for (const code of codes) expect(code).toMatch(/^[a-hj-km-np-z]{4}$/);
    expect(codes.size).toBeGreaterThan(40);
  });

  it("times out as timed_out with no approver", async () => {
    const { output, provider } = setup();
    const outcome = await provider.request(approvalRequest(), approvalOptions(50));
    expect(outcome).toMatchObject({
      decision: "timed_out",
      approver: undefined,
      reasonCode: "timeout",
    });
    // Says what happened and what to do, not a bare "denied".
    expect(output.text).toContain(
      "Nobody answered within 50 ms: step 3 is not approved, so it does not run (timed out, counted as denied). Answer `r` below to be asked again",
    );
  });

  it("shows on the prompt how long it waits", async () => {
    const { input, output, provider } = setup();
    const pending = provider.request(modifying(), approvalOptions(900_000));
    await shown(output, APPROVAL_PROMPT);
    expect(output.text).toContain(`${APPROVAL_PROMPT}(15m 00s left) `);
    input.write("n\r");
    await pending;
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
      flushMs: 0,
    });
    const pending = provider.request(modifying(), approvalOptions());
    input.write("y\n");
    expect((await pending).approver).toBe(userInfo().username);
  });
});
