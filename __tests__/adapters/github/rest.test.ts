import { createServer } from "node:http";
import { describe, expect, it } from "vitest";
import { listenOnLoopback } from "../../helpers/loopback.js";
import { ALICE, fakeIssuesGitHub, testRest } from "./helpers.js";

const startFake = fakeIssuesGitHub();

async function setup() {
  const fake = await startFake();
  return { fake, rest: testRest(fake.url) };
}

const LIST = "GET /repos/{owner}/{repo}/issues/{issue_number}/comments";
const params = (extra: Record<string, unknown> = {}) => ({
  owner: "acme",
  repo: "ops",
  issue_number: 7,
  ...extra,
});

describe("GitHub REST client against the fake's issues side", () => {
  it("makes conditional requests: the same answer again is a 304 without a body", async () => {
    const { fake, rest } = await setup();
    fake.issues.addComment(7, ALICE, "first");
    const first = await rest.request(LIST, params());
    const etag = first.headers["etag"];
    expect(first.status).toBe(200);
    expect(etag).toMatch(/^W\/"/);
    const again = await rest.request(LIST, params(), etag === undefined ? {} : { etag });
    expect(again).toMatchObject({ status: 304, data: undefined });
    expect(fake.issues.notModified).toHaveLength(1);
    fake.issues.addComment(7, ALICE, "second");
    const changed = await rest.request(LIST, params(), etag === undefined ? {} : { etag });
    expect(changed.status).toBe(200);
    expect((changed.data as unknown[]).length).toBe(2);
  });

  it("pages with `Link` headers that point at /repositories/{id}, and serves those URLs", async () => {
    const { fake, rest } = await setup();
    for (let i = 0; i < 5; i++) fake.issues.addComment(7, ALICE, `c${i}`);
    const first = await rest.request(LIST, params({ per_page: 2 }));
    const next = /<([^>]+)>; rel="next"/.exec(first.headers["link"] ?? "")?.[1];
    expect(next).toMatch(/\/repositories\/4242\/issues\/7\/comments\?per_page=2&page=2$/);
    const second = await rest.request(`GET ${next ?? ""}`);
    expect((second.data as { body: string }[]).map((c) => c.body)).toEqual(["c2", "c3"]);
    expect(second.headers["link"]).toContain('rel="prev"');
  });

  it("filters by `since` on `updated_at`, and shows an edit as a later `updated_at`", async () => {
    const { fake, rest } = await setup();
    const comment = fake.issues.addComment(7, ALICE, "/approve 1");
    fake.issues.editComment(comment.id, "/approve 2");
    const answer = await rest.request(LIST, params({ since: new Date().toISOString() }));
    const [wire] = answer.data as { body: string; created_at: string; updated_at: string }[];
    expect(wire?.body).toBe("/approve 2");
    expect(Date.parse(wire?.updated_at ?? "")).toBeGreaterThan(Date.parse(wire?.created_at ?? ""));
  });
});

describe("GitHub REST client: limits and failures (a scripted server on 127.0.0.1)", () => {
  /** Answers each request with the next scripted status and headers; counts requests. */
  async function scripted(answers: { status: number; headers?: Record<string, string> }[]) {
    const seen: number[] = [];
    const server = createServer((_req, res) => {
      seen.push(Date.now());
      const answer = answers.shift() ?? { status: 200 };
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(JSON.stringify(answer.status < 300 ? { ok: true } : { message: "boom" }));
    });
    const loopback = await listenOnLoopback(server);
    return { url: `http://127.0.0.1:${loopback.port}`, seen, close: () => loopback.close() };
  }

  it("holds the next call until `x-ratelimit-reset` once `x-ratelimit-remaining` is 0", async () => {
    const reset = String(Math.ceil(Date.now() / 1000) + 1);
    const server = await scripted([
      { status: 200, headers: { "x-ratelimit-remaining": "0", "x-ratelimit-reset": reset } },
      { status: 200 },
    ]);
    try {
      const rest = testRest(server.url);
      await rest.request("GET /a");
      await rest.request("GET /b");
      const [first = 0, second = 0] = server.seen;
      expect(second).toBeGreaterThanOrEqual(Number(reset) * 1000 - 20);
      expect(second - first).toBeGreaterThan(0);
    } finally {
      await server.close();
    }
  });

  it("retries 5xx with backoff, and gives up at the deadline naming the failure", async () => {
    const server = await scripted([{ status: 502 }, { status: 503 }, { status: 200 }]);
    try {
      const rest = testRest(server.url);
      expect((await rest.request("GET /a")).status).toBe(200);
      expect(server.seen).toHaveLength(3);
    } finally {
      await server.close();
    }
    const failing = await scripted(Array.from({ length: 50 }, () => ({ status: 500 })));
    try {
      const error: unknown = await testRest(failing.url)
        .request("GET /a", {}, { deadline: Date.now() + 300 })
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "http_500" });
      expect(String((error as Error).message)).toMatch(/kept failing \(http_500\)/);
    } finally {
      await failing.close();
    }
  });
});
