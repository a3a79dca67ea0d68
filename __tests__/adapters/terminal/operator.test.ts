import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { TerminalOperator } from "../../../src/adapters/terminal/operator.js";
import type { OperatorQuestion } from "../../../src/run/ports.js";
import { TtyInput } from "../../faces/cli/run-harness.js";
import { planned } from "../../run/fakes.js";

function setup(timeoutMs = 5_000, typeAheadGuardMs = 0, user?: string) {
  const input = new TtyInput();
  let written = "";
  const output = new Writable({
    write(chunk: Buffer, _encoding, done) {
      written += chunk.toString();
      done();
    },
  });
  let interrupted = 0;
  const operator = new TerminalOperator({
    input,
    output,
    timeoutMs,
    onInterrupt: () => (interrupted += 1),
    typeAheadGuardMs,
    ...(user !== undefined && { user }),
  });
  return { input, operator, written: () => written, interrupted: () => interrupted };
}

function question(extra: Partial<OperatorQuestion> = {}): OperatorQuestion {
  return {
    step: planned(2),
    problem: "failed",
    detail: "exit 3",
    retriesLeft: 1,
    signal: new AbortController().signal,
    ...extra,
  };
}

describe("TerminalOperator", () => {
  it("maps answers to choices; Enter means abort", async () => {
    for (const [answer, choice] of [
      ["r", "retry"],
      ["retry", "retry"],
      ["C", "continue"],
      ["s", "skip"],
      ["a", "abort"],
      ["", "abort"],
    ] as const) {
      const { input, operator } = setup();
      const chosen = operator.choose(question());
      input.write(`${answer}\n`);
      expect((await chosen).choice).toBe(choice);
    }
  });

  it("does not accept retry once no retries are left, and asks again", async () => {
    const { input, operator, written } = setup();
    const chosen = operator.choose(question({ retriesLeft: 0 }));
    input.write("r\n");
    await new Promise((resolve) => setTimeout(resolve, 20));
    input.write("s\n");
    expect((await chosen).choice).toBe("skip");
    expect(written()).toContain("Please answer c, s or a.");
    expect(written()).not.toContain("[r]etry");
  });

  it("discards keys typed before the question appeared, then takes the real answer", async () => {
    const { input, operator, written } = setup(5_000, 200);
    const chosen = operator.choose(question());
    input.write("c\n");
    await new Promise((resolve) => setTimeout(resolve, 300));
    input.write("s\n");
    expect((await chosen).choice).toBe("skip");
    expect(written()).toContain("Ignored keys typed before the question appeared");
  });

  it("shows the detail escaped, so output cannot rewrite the prompt", async () => {
    const { input, operator, written } = setup();
    const chosen = operator.choose(question({ detail: "exit 3\u001b[2K\rfake" }));
    input.write("a\n");
    await chosen;
    expect(written()).toContain("exit 3<ESC>[2K<CR>fake");
  });

  it("EOF, a timeout or an aborted run mean abort; Ctrl-C also raises the interrupt", async () => {
    const eof = setup();
    const atEof = eof.operator.choose(question());
    eof.input.end();
    expect(await atEof).toEqual({ choice: "abort", how: "input_ended" });

    const late = setup(30);
    expect(await late.operator.choose(question())).toEqual({ choice: "abort", how: "timeout" });
    expect(late.written()).toContain(
      "Nobody answered within 30 ms: the run stops here and no later step runs. Resume it with `runbook-exec run RUNBOOK --resume LOG`",
    );

    const controller = new AbortController();
    const aborted = setup();
    const pending = aborted.operator.choose(question({ signal: controller.signal }));
    controller.abort();
    expect(await pending).toEqual({ choice: "abort", how: "interrupted" });

    const ctrlC = setup();
    const interrupted = ctrlC.operator.choose(question());
    ctrlC.input.write("\u0003");
    expect(await interrupted).toEqual({ choice: "abort", how: "interrupted" });
    expect(ctrlC.interrupted()).toBe(1);
  });
});

describe("TerminalOperator: who answered and the time left", () => {
  it("records the person who answered, Enter included, and shows the time left on the prompt", async () => {
    const { input, operator, written } = setup(900_000, 0, "bob");
    const chosen = operator.choose(question());
    input.write("\n");
    expect(await chosen).toEqual({ choice: "abort", how: "answered", by: "bob" });
    expect(written()).toContain("[c]ontinue, [s]kip or [a]bort? [a] (15m 00s left) ");
  });

  it("redraws the time left as it runs down", async () => {
    const { input, operator, written } = setup(10_000);
    const chosen = operator.choose(question());
    // A second after the question, the prompt is redrawn with one second less (on a busy
    // machine a little later: wait for it, but not past the timeout).
    const deadline = Date.now() + 8_000;
    while (!written().includes("[a] (9s left) ") && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 20));
    input.write("s\n");
    expect((await chosen).choice).toBe("skip");
    expect(written()).toContain("[a] (10s left) ");
    expect(written()).toContain("[a] (9s left) ");
  });
});
