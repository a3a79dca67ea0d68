import { afterEach, describe, expect, it } from "vitest";
import { createSlackApi } from "../../../src/adapters/slack/client.js";
import type { SlackMessageRef } from "../../../src/gate/slack-api.js";
import { SlackDirectory } from "../../../src/adapters/slack/directory.js";
import type { OperatorAnswer, OperatorChoice } from "../../../src/run/ports.js";
import { SlackOperator } from "../../../src/adapters/slack/operator.js";
import { startFakeSlack, type FakeSlack, type FakeSlackMessage } from "../../helpers/fake-slack.js";
import { waitFor } from "../../faces/cli/run-harness.js";
import { planned } from "../../run/fakes.js";

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: { thread?: boolean } = {}) {
  fake = await startFakeSlack({
    users: [
      { id: "UALICE01", name: "alice" },
      { id: "UMALLORY", name: "mallory" },
    ],
  });
  const api = createSlackApi({
    token: fake.token,
    apiUrl: fake.url,
    postIntervalMs: 0,
    repliesIntervalMs: 0,
  });
  let root: SlackMessageRef | undefined;
  if (options.thread === true) root = await api.post("C0APPROVE", { text: "Run started" });
  const operator = new SlackOperator({
    api,
    channel: "C0APPROVE",
    directory: new SlackDirectory(api, {
      approvers: ["UALICE01"],
      approverGroups: [],
      requester: undefined,
      preventSelfApproval: true,
    }),
    thread: () => root,
    timeoutMs: 3000,
    pollIntervalMs: 15,
    repliesIntervalMs: 30,
  });
  return { fake, operator };
}

function ask(
  operator: SlackOperator,
  options: { retriesLeft?: number; signal?: AbortSignal } = {},
): Promise<OperatorChoice> {
  return answer(operator, options).then(({ choice }) => choice);
}

function answer(
  operator: SlackOperator,
  options: { retriesLeft?: number; signal?: AbortSignal } = {},
): Promise<OperatorAnswer> {
  return operator.choose({
    step: planned(2),
    problem: "failed",
    detail: "exit code 1",
    retriesLeft: options.retriesLeft ?? 2,
    signal: options.signal ?? new AbortController().signal,
  });
}

async function question(fake: FakeSlack): Promise<FakeSlackMessage> {
  await waitFor(
    () => fake.messages.some((m) => m.text.includes("what next?")),
    3000,
    "the question",
  );
  const found = fake.messages.find((m) => m.text.includes("what next?"));
  if (found === undefined) throw new Error("no question");
  return found;
}

describe("failure direction in Slack (real WebClient, fake Slack)", () => {
  it.each([
    ["arrow_forward", "continue"],
    ["repeat", "retry"],
    ["fast_forward", "skip"],
    ["octagonal_sign", "abort"],
  ] as const)(
    "an allowed approver's :%s: chooses %s, and the question says who chose",
    async (reaction, choice) => {
      const { fake, operator } = await setup();
      const pending = ask(operator);
      const message = await question(fake);
      expect(JSON.stringify(message.blocks)).toContain(":repeat: retry (2 left)");
      fake.react(message, reaction, "UALICE01");
      expect(await pending).toBe(choice);
      expect(JSON.stringify(message.blocks)).toContain(`*${choice}*, chosen by <@UALICE01>`);
    },
  );

  it("a reply word in the run's thread answers too", async () => {
    const { fake, operator } = await setup({ thread: true });
    const pending = answer(operator);
    const message = await question(fake);
    const root = fake.topLevel()[0];
    if (root === undefined) throw new Error("no root");
    expect(message.threadTs).toBe(root.ts);
    fake.reply(root, "UALICE01", "Skip.");
    expect(await pending).toEqual({ choice: "skip", how: "answered", by: "UALICE01" });
  });

  it("answers from others are ignored (said once); no answer in time means abort", async () => {
    const { fake, operator } = await setup();
    const pending = answer(operator);
    const message = await question(fake);
    fake.react(message, "arrow_forward", "UMALLORY");
    fake.reply(message, "UMALLORY", "continue");
    expect(await pending).toEqual({ choice: "abort", how: "timeout" });
    const notes = fake.thread(message).filter((m) => m.text.startsWith("Ignored"));
    expect(notes).toHaveLength(1);
    expect(JSON.stringify(message.blocks)).toContain("nobody answered in time");
  }, 10_000);

  it("retry is not offered and does not count with no retries left; disagreeing answers abort", async () => {
    const { fake, operator } = await setup();
    const pending = ask(operator, { retriesLeft: 0 });
    const message = await question(fake);
    expect(JSON.stringify(message.blocks)).not.toContain(":repeat:");
    fake.react(message, "repeat", "UALICE01");
    await waitFor(() => fake.callsOf("reactions.get").length > 3, 3000, "polls");
    fake.reply(message, "UALICE01", "continue");
    expect(await pending).toBe("continue");

    const second = answer(operator);
    await waitFor(
      () => fake.messages.filter((m) => m.text.includes("what next?")).length === 2,
      3000,
      "q2",
    );
    const message2 = fake.messages.filter((m) => m.text.includes("what next?"))[1];
    if (message2 === undefined) throw new Error("no second question");
    fake.react(message2, "arrow_forward", "UALICE01");
    fake.react(message2, "fast_forward", "UALICE01");
    expect(await second).toEqual({ choice: "abort", how: "conflict" });
    expect(JSON.stringify(message2.blocks)).toContain("the answers disagreed");
  });

  it("a Slack failure means abort, and a stopped run ends the question at once", async () => {
    const { fake, operator } = await setup();
    fake.fail("chat.postMessage", { kind: "error", error: "not_in_channel" });
    expect(await answer(operator)).toEqual({ choice: "abort", how: "channel_error" });
    const controller = new AbortController();
    const pending = answer(operator, { signal: controller.signal });
    await question(fake);
    const started = Date.now();
    controller.abort(new Error("SIGTERM received"));
    expect(await pending).toEqual({ choice: "abort", how: "interrupted" });
    expect(Date.now() - started).toBeLessThan(500);
  });
});
