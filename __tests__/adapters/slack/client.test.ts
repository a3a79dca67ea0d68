import { afterEach, describe, expect, it } from "vitest";
import { createSlackApi, normalizeApiUrl } from "../../../src/adapters/slack/client.js";
import { SlackApiError, type SlackCallOptions } from "../../../src/gate/slack-api.js";
import { startFakeSlack, type FakeSlack } from "../../helpers/fake-slack.js";

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: Parameters<typeof startFakeSlack>[0] = {}) {
  fake = await startFakeSlack({
    users: [{ id: "UALICE01", name: "alice" }],
    groups: { S0ONCALL: ["UALICE01", "UBOB0001"] },
    ...options,
  });
  const api = createSlackApi({
    token: fake.token,
    apiUrl: fake.url,
    requestTimeoutMs: 2000,
    defaultBudgetMs: 5000,
    backoffMs: { initial: 20, max: 80 },
    postIntervalMs: 0,
    repliesIntervalMs: 0,
  });
  return { fake, api };
}

async function rejection(promise: Promise<unknown>): Promise<SlackApiError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof SlackApiError))
    throw new Error(`expected a SlackApiError, got ${String(error)}`);
  return error;
}

describe("Slack Web API adapter (real WebClient, fake Slack on 127.0.0.1)", () => {
  it("speaks the wire format: form-encoded POSTs with a bearer token, blocks JSON inside", async () => {
    const { fake, api } = await setup();
    const ref = await api.post("#ops-approvals", { text: "hi", blocks: [{ type: "divider" }] });
    expect(ref).toEqual({ channel: "C0APPROVE", ts: expect.stringMatching(/^\d+\.\d+$/) });
    const [call] = fake.callsOf("chat.postMessage");
    expect(call?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(call?.token).toBe(fake.token);
    expect(JSON.parse(call?.params["blocks"] ?? "")).toEqual([{ type: "divider" }]);
    expect(call?.params["unfurl_links"]).toBe("false");
    expect(await api.authTest()).toEqual({ userId: "UBOT0001", botId: "B0BOT", team: "Fake" });
    expect(await api.user("UALICE01")).toEqual({
      id: "UALICE01",
      name: "alice",
      isBot: false,
      deleted: false,
    });
    expect(await api.groupMembers("S0ONCALL")).toEqual(["UALICE01", "UBOB0001"]);
    const message = fake.messages[0];
    if (message === undefined) throw new Error("nothing posted");
    fake.react(message, "white_check_mark", "UALICE01");
    expect(await api.reactions(ref)).toEqual([{ name: "white_check_mark", users: ["UALICE01"] }]);
    expect(fake.callsOf("reactions.get")[0]?.params["full"]).toBe("true");
    fake.reply(message, "UALICE01", "retry");
    const thread = await api.replies(ref);
    expect(thread.map((m) => [m.user, m.text])).toEqual([
      ["UBOT0001", "hi"],
      ["UALICE01", "retry"],
    ]);
    await api.update(ref, { text: "done" });
    expect(message.text).toBe("done");
  });

  it("the API root comes from the option, with or without its trailing slash", () => {
    expect(normalizeApiUrl("https://slack-gov.com/api")).toBe("https://slack-gov.com/api/");
    expect(normalizeApiUrl("http://127.0.0.1:9/api/")).toBe("http://127.0.0.1:9/api/");
  });

  it("waits out a 429's Retry-After for that call, then succeeds", async () => {
    const { fake, api } = await setup();
    const ref = await api.post("C0APPROVE", { text: "x" });
    fake.fail("reactions.get", { kind: "status", status: 429, retryAfter: 1 });
    const started = Date.now();
    expect(await api.reactions(ref)).toEqual([]);
    const [first, second] = fake.callsOf("reactions.get");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("a Retry-After longer than the call's deadline fails at once instead of sleeping past it", async () => {
    const { fake, api } = await setup();
    const ref = await api.post("C0APPROVE", { text: "x" });
    fake.fail("reactions.get", { kind: "status", status: 429, retryAfter: 120 });
    const started = Date.now();
    const error = await rejection(api.reactions(ref, { deadline: Date.now() + 500 }));
    expect(error.code).toBe("ratelimited");
    expect(Date.now() - started).toBeLessThan(400);
  });

  it("retries 5xx answers and dropped connections with backoff", async () => {
    const { fake, api } = await setup();
    fake.fail(
      "auth.test",
      { kind: "status", status: 500 },
      { kind: "drop" },
      { kind: "status", status: 503 },
    );
    expect((await api.authTest()).userId).toBe("UBOT0001");
    expect(fake.callsOf("auth.test")).toHaveLength(4);
  });

  it("gives up on transient failures when the deadline passes, naming the last failure", async () => {
    const { fake, api } = await setup();
    fake.fail(
      "auth.test",
      ...Array.from({ length: 50 }, () => ({ kind: "status", status: 502 }) as const),
    );
    const error = await rejection(api.authTest({ deadline: Date.now() + 200 }));
    expect(error.code).toBe("http_502");
    expect(error.message).toContain("reachable");
  });

  it.each([
    ["not_in_channel", undefined, "invite the bot"],
    ["channel_not_found", undefined, "check `slack_channel`"],
    ["invalid_auth", undefined, "SLACK_BOT_TOKEN"],
    ["missing_scope", "reactions:read", "add the scope `reactions:read`"],
  ])("%s is final and names the fix", async (code, needed, fix) => {
    const { fake, api } = await setup();
    fake.fail("chat.postMessage", {
      kind: "error",
      error: code,
      ...(needed !== undefined && { needed }),
    });
    const error = await rejection(api.post("C0APPROVE", { text: "x" }));
    expect(error.code).toBe(code);
    expect(error.message).toContain(fix);
    expect(fake.callsOf("chat.postMessage")).toHaveLength(1);
  });

  it("a wrong token is invalid_auth from the server itself", async () => {
    const { fake } = await setup();
    const api = createSlackApi({ token: "xoxb-wrong", apiUrl: fake.url, defaultBudgetMs: 2000 });
    expect((await rejection(api.authTest())).code).toBe("invalid_auth");
  });

  it("a bot outside the channel gets not_in_channel from the server", async () => {
    const { api } = await setup({ channels: [{ id: "C0CLOSED", name: "closed", member: false }] });
    const error = await rejection(api.post("#closed", { text: "x" }));
    expect(error.code).toBe("not_in_channel");
  });

  it("an answer missing what the code relies on is malformed, not a success", async () => {
    const { fake, api } = await setup();
    fake.fail("usergroups.users.list", { kind: "error", error: "ok_but_odd" });
    expect((await rejection(api.groupMembers("S0ONCALL"))).code).toBe("ok_but_odd");
    const error = await rejection(api.user("UNOBODY1"));
    expect(error.code).toBe("user_not_found");
  });

  it("paces posts to one channel at least postIntervalMs apart", async () => {
    fake = await startFakeSlack();
    const api = createSlackApi({ token: fake.token, apiUrl: fake.url, postIntervalMs: 200 });
    await Promise.all([1, 2, 3].map((n) => api.post("C0APPROVE", { text: `m${n}` })));
    const times = fake.callsOf("chat.postMessage").map((c) => c.at);
    expect((times[2] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(380);
  });

  it("counts a channel's post interval from the previous answer, not from its sending", async () => {
    fake = await startFakeSlack();
    const api = createSlackApi({ token: fake.token, apiUrl: fake.url, postIntervalMs: 300 });
    // The first post reaches Slack 500 ms late; spaced from sending, the second would come first.
    fake.fail("chat.postMessage", { kind: "stall", ms: 500 });
    await Promise.all([1, 2, 3].map((n) => api.post("C0APPROVE", { text: `m${n}` })));
    const calls = fake.callsOf("chat.postMessage");
    expect(calls.map((c) => c.params["text"])).toEqual(["m1", "m2", "m3"]);
    const [first, second, third] = calls.map((c) => c.at);
    expect((second ?? 0) - (first ?? 0)).toBeGreaterThanOrEqual(300);
    expect((third ?? 0) - (second ?? 0)).toBeGreaterThanOrEqual(300);
  });

  /**
   * Posts behind one that Slack takes in 1.5 s late, with `options` meant to end the wait; returns
   * why the post failed, after checking it ended early, never went out and held up nothing.
   */
  async function giveUpBehindSlowPost(options: (started: number) => SlackCallOptions) {
    fake = await startFakeSlack();
    const api = createSlackApi({ token: fake.token, apiUrl: fake.url, postIntervalMs: 100 });
    fake.fail("chat.postMessage", { kind: "stall", ms: 1500 });
    const slow = api.post("C0APPROVE", { text: "slow" });
    const started = Date.now();
    const reason: unknown = await api.post("C0APPROVE", { text: "gave up" }, options(started)).then(
      () => "posted",
      (error: unknown) => error,
    );
    expect(Date.now() - started).toBeLessThan(1000);
    await slow;
    await api.post("C0APPROVE", { text: "after" });
    const texts = fake.callsOf("chat.postMessage").map((c) => c.params["text"]);
    expect(texts).toEqual(["slow", "after"]);
    return reason;
  }

  it("a post waiting for its turn behind a slow one gives up at its deadline", async () => {
    const reason = await giveUpBehindSlowPost((started) => ({ deadline: started + 300 }));
    expect(reason).toBeInstanceOf(SlackApiError);
    expect(reason).toMatchObject({ code: "deadline" });
  });

  it("an aborted signal ends a post waiting for its turn behind a slow one", async () => {
    const controller = new AbortController();
    const reason = await giveUpBehindSlowPost(() => {
      setTimeout(() => controller.abort(new Error("withdrawn")), 100);
      return { signal: controller.signal };
    });
    expect(reason).toMatchObject({ message: "withdrawn" });
  });

  it("an aborted signal ends a call waiting out a Retry-After", async () => {
    const { fake, api } = await setup();
    fake.fail("auth.test", { kind: "status", status: 429, retryAfter: 2 });
    const controller = new AbortController();
    const pending = api.authTest({ signal: controller.signal });
    setTimeout(() => controller.abort(new Error("withdrawn")), 100);
    const started = Date.now();
    await expect(pending).rejects.toThrow("withdrawn");
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
