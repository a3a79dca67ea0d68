import { describe, expect, it } from "vitest";
import { LiveView } from "../../src/present/live-view.js";
import type { RunSummary } from "../../src/run/ports.js";
import { HOSTILE, Screen } from "./helpers.js";

const summary: RunSummary = {
  status: "failed",
  counts: { steps: 7, succeeded: 3, failed: 1, skipped: 2, denied: 1 },
  durationMs: 12_300,
  exitCode: 1,
  auditLogPath: "runbook-exec-logs/disk-full-20261124T060000Z-ab12.ndjson",
  head: { seq: 14, hash: "f".repeat(64) },
};

function run(view: LiveView, chunks: readonly (string | Buffer)[]): void {
  view.stepStarted({ index: 2, total: 5, title: "Clear the cache" });
  for (const chunk of chunks) view.output(chunk, "stdout");
  view.stepFinished({ index: 2, title: "Clear the cache", status: "succeeded", durationMs: 1_234 });
}

describe("LiveView in plain mode", () => {
  it("prints plain lines without a single escape sequence, even for hostile output", () => {
    const screen = new Screen(false);
    const view = new LiveView({ stream: screen, env: {} });
    expect(view.mode).toBe("plain");
    run(view, [HOSTILE]);
    view.summary(summary);
    expect(screen.text).not.toContain("\u001b");
    expect(screen.text).not.toContain("\r");
    expect(screen.text).not.toContain("\u009b");
    expect(screen.text).toBe(
      [
        "▶ Step 2/5: Clear the cache",
        "  │ ok<ESC>[2J<ESC>[1A<ESC>]0;pwned<U+0007>",
        "  │ fake ✓ line",
        "  │ <U+009B>31mred<ESC>[0m",
        "  │ ::error::injected",
        "✓ 2. Clear the cache (1.2s)",
        "",
        "Run summary",
        "  succeeded  3",
        "  failed     1",
        "  skipped    2",
        "  denied     1",
        "  duration   12.3s",
        "  audit log  runbook-exec-logs/disk-full-20261124T060000Z-ab12.ndjson",
        `  audit head 14:${"f".repeat(64)}`,
        "",
      ].join("\n"),
    );
  });

  it("is plain on a terminal when NO_COLOR is set, and when TERM is dumb", () => {
    expect(new LiveView({ stream: new Screen(true), env: { NO_COLOR: "1" } }).mode).toBe("plain");
    expect(new LiveView({ stream: new Screen(true), env: { TERM: "dumb" } }).mode).toBe("plain");
    expect(new LiveView({ stream: new Screen(true), env: { NO_COLOR: "" } }).mode).toBe("tty");
  });

  it("joins characters and CRLF split across chunks, and flushes a last partial line", () => {
    const screen = new Screen(false);
    const euro = Buffer.from("€", "utf8");
    run(new LiveView({ stream: screen, env: {} }), [
      Buffer.concat([Buffer.from("price "), euro.subarray(0, 1)]),
      Buffer.concat([euro.subarray(1), Buffer.from("5\r")]),
      "\nprogress 10%\rprogress 20%\rno newline at the end",
    ]);
    expect(screen.text).toContain(
      "  │ price €5\n  │ progress 10%\n  │ progress 20%\n  │ no newline at the end\n✓ 2.",
    );
  });

  it("shows each status with its symbol and detail", () => {
    const screen = new Screen(false);
    const view = new LiveView({ stream: screen, env: {} });
    view.stepFinished({
      index: 3,
      title: "Restart",
      status: "failed",
      durationMs: 300,
      detail: "exit 3",
    });
    view.stepFinished({
      index: 4,
      title: "Drain",
      status: "denied",
      durationMs: 0,
      detail: "timed out",
    });
    view.stepFinished({ index: 5, title: "Verify", status: "skipped", durationMs: 0 });
    expect(screen.text).toBe(
      "✗ 3. Restart (exit 3, 300 ms)\n⊘ 4. Drain (denied, timed out, 0 ms)\n⊘ 5. Verify (skipped, 0 ms)\n",
    );
  });

  it("escapes step titles and engine notes too", () => {
    const screen = new Screen(false);
    const view = new LiveView({ stream: screen, env: {} });
    view.stepStarted({ index: 1, total: 1, title: "a\u001b[2Jb\nc" });
    view.note("head seq 3\u001b[1A");
    expect(screen.text).toBe("▶ Step 1/1: a<ESC>[2Jb c\nhead seq 3<ESC>[1A\n");
  });
});

describe("LiveView in TTY mode", () => {
  it("draws a spinner with elapsed time and keeps output above it", async () => {
    const screen = new Screen(true);
    let clock = 0;
    const view = new LiveView({ stream: screen, env: {}, now: () => clock, spinnerIntervalMs: 5 });
    expect(view.mode).toBe("tty");
    view.stepStarted({ index: 1, total: 2, title: "Check disk usage" });
    clock = 2_500;
    await new Promise((resolve) => setTimeout(resolve, 40));
    view.output("Filesystem Size\n", "stdout");
    view.stepFinished({
      index: 1,
      title: "Check disk usage",
      status: "succeeded",
      durationMs: 2_500,
    });
    view.close();
    expect(screen.text).toMatch(/⠙.*Step 1\/2: Check disk usage.*2\.5s/);
    expect(screen.text).toContain("Filesystem Size");
    expect(screen.text).toMatch(/✓.* 1\. Check disk usage .*\(2\.5s\)/);
    const after = screen.text.length;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(screen.text.length).toBe(after); // spinner stopped
  });

  it("lets no escape sequence from command output through: only its own colours and line clears", () => {
    const screen = new Screen(true);
    const view = new LiveView({ stream: screen, env: {}, spinnerIntervalMs: 1_000 });
    run(view, [HOSTILE]);
    view.close();
    // Every ESC the view wrote starts an SGR colour or "erase line"; nothing else.
    // eslint-disable-next-line no-control-regex -- inspecting escape sequences
    const sequences = screen.text.match(/\u001b.{0,8}/gsu) ?? [];
    expect(sequences.length).toBeGreaterThan(0);
    // eslint-disable-next-line no-control-regex -- the view's own sequences
    const own = /^\u001b\[(?:\d+(?:;\d+)*m|2K)/u;
    for (const sequence of sequences) expect(sequence).toMatch(own);
    expect(screen.text).toContain("<ESC>[2J");
    expect(screen.text).not.toContain("\u009b");
    // eslint-disable-next-line no-control-regex -- a CR only ever precedes the view's own clear
    expect(screen.text.replace(/\r\u001b\[2K/gu, "")).not.toContain("\r");
  });
});

describe("LiveView output framing", () => {
  // Issue 9, part 5: ASCII blocks are written as bytes, other blocks as text; both must frame
  // lines the same way, gutter and colours included.
  it("frames an ASCII block exactly as a block with other characters", () => {
    for (const isTTY of [false, true]) {
      const printed = (first: string): string => {
        const screen = new Screen(isTTY);
        const view = new LiveView({ stream: screen, env: {}, spinnerIntervalMs: 60_000 });
        view.output(`${first}\nsecond line\n`, "stdout");
        view.output(`${first} on stderr\npartial`, "stderr");
        view.close();
        return screen.text;
      };
      const ascii = printed("plain");
      expect(ascii).toContain(" │ ");
      expect(printed("pläin").replaceAll("pläin", "plain")).toBe(ascii);
    }
  });
});
