import { describe, expect, it } from "vitest";
import { runScript } from "../../src/execute/run-script.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { RELEASE_BELOW } from "../../src/redact/stream.js";
import { QUIET_SPELL_MS, RedactingLines } from "../../src/run/redacting-lines.js";
import { BASH, FIXTURES, baseEnv } from "../execute/helpers.js";

// Issue 9, part 5: a secret wrapped over two lines leaked its first line when a read from the
// child ended exactly at the line break: that line went out before the rest was seen. A real
// child writes the first part, sleeps (so the read ends there), then writes the rest.

const KEY_VALUE = "first-line-of-the-key-9Qx2\nsecond-line-of-the-key-7Zr4";
const TOKEN = "dpl-7Hq2vX9kLm4Rz8Tn0pQ-a-long-enough-deploy-token";
/** A pause longer than the quiet spell after which held lines are looked at again. */
const PAUSE = `sleep ${(3 * QUIET_SPELL_MS) / 1000}`;
const redactor = createRedactor({ env: { DEPLOY_KEY: KEY_VALUE, DEPLOY_TOKEN: TOKEN } });

/** No 6 characters in a row of `secret` (line breaks left out) survive in `text`. */
function expectNoFragment(text: string, secret: string): void {
  const flat = text.replace(/\n/g, "");
  const value = secret.replace(/\n/g, "");
  for (let at = 0; at + 6 <= value.length; at++)
    expect(flat).not.toContain(value.slice(at, at + 6));
}

/**
 * What the live view is given for `script`, piece by piece: every piece is recorded as it is
 * passed on, so a piece that went out early is seen even if later text would redact it.
 */
async function pieces(script: string): Promise<{ seen: string[]; beforeEnd: string }> {
  const seen: string[] = [];
  const lines = new RedactingLines(redactor, (text) => seen.push(text));
  const result = await runScript({
    cwd: FIXTURES,
    env: { ...baseEnv(), KEY_VALUE, TOKEN },
    timeoutMs: 20_000,
    interpreter: BASH,
    script,
    onOutput: (chunk, stream) => lines.push(chunk, stream),
  });
  expect(result.exitCode).toBe(0);
  const beforeEnd = [...seen];
  lines.flush();
  // The first part was read on its own: nothing of it went out before the rest came.
  expectNoFragment(beforeEnd.join(""), KEY_VALUE);
  // Nor its first RELEASE_BELOW characters, though the pause was longer than a quiet spell.
  for (const value of [KEY_VALUE, TOKEN]) {
    expect(beforeEnd.join("")).not.toContain(value.slice(0, RELEASE_BELOW));
  }
  return { seen, beforeEnd: beforeEnd.join("") };
}

describe("a secret wrapped over lines, read in two pieces", () => {
  it("a value holding a newline goes out whole as *** when the read ends at the break", async () => {
    const { seen } = await pieces(
      `printf 'before\\n%s\\n' "\${KEY_VALUE%%$'\\n'*}"; ${PAUSE}; printf '%s\\nafter\\n' "\${KEY_VALUE#*$'\\n'}"`,
    );
    expectNoFragment(seen.join(""), KEY_VALUE);
    expect(seen.join("")).toBe("before\n***\nafter\n");
    // The line before the secret was not held back with it.
    expect(seen[0]).toBe("before\n");
  });

  it("a value a step wrapped itself (first part, newline, pause, the rest) goes out as ***", async () => {
    const { seen } = await pieces(
      `printf '%s\\n' "\${TOKEN:0:9}"; ${PAUSE}; printf '%s done\\n' "\${TOKEN:9}"`,
    );
    expectNoFragment(seen.join(""), TOKEN);
    expect(seen.join("")).toBe("*** done\n");
  });

  it("a token shape wrapped over two lines is held until its second line comes", async () => {
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const { seen, beforeEnd } = await pieces(
      `printf 'token ${token.slice(0, 20)}\\n'; ${PAUSE}; printf '${token.slice(20)}\\nnext\\n'`,
    );
    expect(beforeEnd).not.toContain("ghp_");
    expectNoFragment(seen.join(""), token);
    expect(seen.join("")).toBe("token ***\nnext\n");
  });

  it("an ordinary line that ends in a value's first character is shown after a quiet spell", async () => {
    // `d` begins TOKEN's value: `…1d` is held, then shown once the step is quiet a while.
    const seen: string[] = [];
    const lines = new RedactingLines(redactor, (text) => seen.push(text));
    lines.push(Buffer.from("build 1d\n"), "stdout");
    // What comes before the held tail goes at once (the view shows whole lines only).
    expect(seen.join("")).toBe("build 1");
    await new Promise((resolve) => setTimeout(resolve, 3 * QUIET_SPELL_MS));
    expect(seen.join("")).toBe("build 1d\n");
    lines.flush();
  });

  it(`keeps ${RELEASE_BELOW} or more first characters of a value held through a quiet spell`, async () => {
    const seen: string[] = [];
    const lines = new RedactingLines(redactor, (text) => seen.push(text));
    lines.push(Buffer.from(`ok\nx ${TOKEN.slice(0, RELEASE_BELOW)}\n`), "stdout");
    await new Promise((resolve) => setTimeout(resolve, 3 * QUIET_SPELL_MS));
    expect(seen.join("")).toBe("ok\nx ");
    lines.push(Buffer.from(`${TOKEN.slice(RELEASE_BELOW)} y\n`), "stdout");
    lines.flush();
    const whole = `ok\nx ${TOKEN.slice(0, RELEASE_BELOW)}\n${TOKEN.slice(RELEASE_BELOW)} y\n`;
    expect(seen.join("")).toBe(redactor(whole));
    expectNoFragment(seen.join(""), TOKEN);
  });
});
