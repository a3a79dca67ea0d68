import { afterEach, describe, expect, it } from "vitest";
import { createSlackApi } from "../../src/adapters/slack/client.js";
import { requestApproval } from "../../src/gate/request.js";
import { ApprovalInterruptedError } from "../../src/gate/errors.js";
import { TerminalApprovalProvider } from "../../src/adapters/terminal/approval-prompt.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "../../src/gate/types.js";
import { FirstAnswerProvider } from "../../src/gate/first-answer.js";
import { ApprovalWithdrawnError } from "../../src/gate/withdrawn.js";
import {
  approvalOptions,
  approvalRequest,
  FakeTty,
  HASH,
  Sink,
  slackWithAlice,
} from "./helpers.js";
import { startFakeSlack, type FakeSlack } from "../helpers/fake-slack.js";
import { waitFor } from "../faces/cli/run-harness.js";

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function terminalAndSlack() {
  fake = await startFakeSlack({ users: [{ id: "UALICE01", name: "alice" }] });
  const slack = slackWithAlice(
    createSlackApi({ token: fake.token, apiUrl: fake.url, postIntervalMs: 0 }),
  );
  const input = new FakeTty();
  const output = new Sink();
  const terminal = new TerminalApprovalProvider({
    input,
    output,
    user: "alice",
    typeAheadGuardMs: 0,
  });
  const announced: string[] = [];
  const race = new FirstAnswerProvider([terminal, slack], {
    announce: (message) => announced.push(message),
  });
  return { fake, input, output, announced, race };
}

/** A channel that answers what it is told, when it is told. */
class ScriptedChannel implements ApprovalProvider {
  withdrawnWith: unknown;
  constructor(
    readonly channel: ApprovalProvider["channel"],
    private readonly answer: (request: ApprovalRequest) => Promise<ApprovalOutcome> | undefined,
  ) {}
  request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    return new Promise((resolve, reject) => {
      options.signal.addEventListener("abort", () => {
        this.withdrawnWith = options.signal.reason;
        reject(options.signal.reason);
      });
      this.answer(request)?.then(resolve, reject);
    });
  }
}

const outcome = (
  channel: ApprovalOutcome["channel"],
  fields: Partial<ApprovalOutcome>,
): ApprovalOutcome => ({
  decision: "denied",
  approver: undefined,
  channel,
  stepHash: HASH,
  at: new Date().toISOString(),
  reasonCode: "channel_error",
  ...fields,
});

/** A modifying step: the terminal asks `[y/N]` (a destructive one wants a typed code instead). */
const modifyingStep = (): ApprovalRequest => approvalRequest({ risk: "modifying" });

describe("several channels at once: the first decisive answer wins (invariant 14)", () => {
  it("the terminal answers first: the Slack request is withdrawn and says 'approved in the terminal by alice'", async () => {
    const { fake, input, output, race } = await terminalAndSlack();
    const pending = race.request(modifyingStep(), approvalOptions());
    await waitFor(() => fake.topLevel().length === 1, 3000, "the Slack request");
    // Typed before the question, "y" would be flushed as type-ahead (invariant: the terminal
    // belongs to the operator): answer once the terminal asks.
    await waitFor(
      () => output.text.includes("Run this step? [y/N]"),
      3000,
      "the terminal question",
    );
    input.write("y\n");
    const result = await pending;
    expect(result).toMatchObject({ decision: "approved", channel: "terminal", approver: "alice" });
    expect(result.withdrawn).toEqual(["slack"]);
    const message = fake.topLevel()[0];
    await waitFor(() => (message?.history.length ?? 0) === 1, 3000, "the Slack update");
    const last = JSON.stringify(message?.blocks.at(-1));
    expect(last).toContain("Withdrawn");
    expect(last).toContain("approved in the terminal by alice");
  });

  it("Slack answers first: the terminal prompt is withdrawn and Slack's approver is recorded", async () => {
    const { fake, input, output, announced, race } = await terminalAndSlack();
    const pending = race.request(modifyingStep(), approvalOptions());
    await waitFor(() => fake.topLevel().length === 1, 3000, "the Slack request");
    const message = fake.topLevel()[0];
    if (message === undefined) throw new Error("no message");
    // Both channels are asking: the terminal has put its question (after flushing type-ahead).
    await waitFor(
      () => output.text.includes("Run this step? [y/N]"),
      3000,
      "the terminal question",
    );
    fake.react(message, "white_check_mark", "UALICE01");
    const result = await pending;
    expect(result).toMatchObject({
      decision: "approved",
      channel: "slack",
      withdrawn: ["terminal"],
    });
    expect(result.evidence?.approvers).toEqual([{ id: "UALICE01", name: "alice" }]);
    // The terminal no longer listens: a late "y" answers nothing.
    input.write("y\n");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(output.text).toContain("Run this step? [y/N]");
    expect(output.text).not.toContain("Approved by");
    expect(announced).toEqual(["step 3 approved in Slack by alice (UALICE01)"]);
  });

  it("a failed channel drops out; the other still decides, and the failure is on record", async () => {
    const failing = new ScriptedChannel("slack", () =>
      Promise.resolve(outcome("slack", { detail: "not_in_channel; fix: invite the bot" })),
    );
    let approve: (() => void) | undefined;
    const terminal = new ScriptedChannel(
      "terminal",
      () =>
        new Promise((resolve) => {
          approve = () =>
            resolve(
              outcome("terminal", {
                decision: "approved",
                approver: "alice",
                reasonCode: "approved",
              }),
            );
        }),
    );
    const pending = new FirstAnswerProvider([terminal, failing]).request(
      approvalRequest(),
      approvalOptions(),
    );
    await waitFor(() => approve !== undefined, 1000, "the terminal");
    await new Promise((resolve) => setTimeout(resolve, 10));
    approve?.();
    const result = await pending;
    expect(result).toMatchObject({ decision: "approved", channel: "terminal" });
    // Slack had already dropped out: nothing was withdrawn.
    expect(result.withdrawn).toBeUndefined();
    expect(result.detail).toContain("slack: not_in_channel");
  });

  it("invariant 3: when every channel fails or times out, the step is denied, never approved", async () => {
    const race = new FirstAnswerProvider([
      new ScriptedChannel("terminal", () =>
        Promise.resolve(outcome("terminal", { reasonCode: "eof" })),
      ),
      new ScriptedChannel("slack", () => Promise.reject(new Error("socket hang up"))),
    ]);
    const result = await requestApproval(race, approvalRequest(), approvalOptions());
    expect(result.decision).toBe("denied");
    expect(result.detail).toContain("terminal: eof");
    expect(result.detail).toContain("slack: socket hang up");
    const timeouts = new FirstAnswerProvider([
      new ScriptedChannel("terminal", () =>
        Promise.resolve(outcome("terminal", { decision: "timed_out", reasonCode: "timeout" })),
      ),
      new ScriptedChannel("slack", () =>
        Promise.resolve(outcome("slack", { decision: "timed_out", reasonCode: "timeout" })),
      ),
    ]);
    expect((await timeouts.request(approvalRequest(), approvalOptions())).decision).toBe(
      "timed_out",
    );
  });

  it("invariant 1: an approval for another hash is decisive and denied; the other channel is withdrawn", async () => {
    const other = new ScriptedChannel("slack", () => undefined);
    const race = new FirstAnswerProvider([
      new ScriptedChannel("terminal", () =>
        Promise.resolve(
          outcome("terminal", {
            decision: "approved",
            approver: "eve",
            reasonCode: "approved",
            stepHash: "f".repeat(64),
          }),
        ),
      ),
      other,
    ]);
    const result = await race.request(approvalRequest(), approvalOptions());
    expect(result).toMatchObject({ decision: "denied", reasonCode: "hash_mismatch" });
    expect(other.withdrawnWith).toBeInstanceOf(ApprovalWithdrawnError);
  });

  it("Ctrl-C at the terminal ends the race and withdraws Slack", async () => {
    const other = new ScriptedChannel("slack", () => undefined);
    const race = new FirstAnswerProvider([
      new ScriptedChannel("terminal", () => Promise.reject(new ApprovalInterruptedError(3))),
      other,
    ]);
    await expect(race.request(approvalRequest(), approvalOptions())).rejects.toBeInstanceOf(
      ApprovalInterruptedError,
    );
    expect(other.withdrawnWith).toBeInstanceOf(ApprovalInterruptedError);
  });
});
