import { describe, expect, it } from "vitest";
import { runScript } from "../../src/execute/run-script.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { RedactingLines } from "../../src/run/redacting-lines.js";
import { BASH, FIXTURES, baseEnv } from "../execute/helpers.js";

// Issue 9, part 5: a secret wrapped over two lines leaked its first line when a read from the
// child ended exactly at the line break: that line went out before the rest was seen. A real
// child writes the first part, sleeps (so the read ends there), then writes the rest.

const KEY_VALUE = "first-line-of-the-key-9Qx2\nsecond-line-of-the-key-7Zr4";
const TOKEN = "dpl-7Hq2vX9kLm4Rz8Tn0pQ-a-long-enough-deploy-token";
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
async function pieces(script: string): Promise<string[]> {
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
  return seen;
}

describe("a secret wrapped over lines, read in two pieces", () => {
  it("a value holding a newline goes out whole as *** when the read ends at the break", async () => {
    const seen = await pieces(
      `printf 'before\\n%s\\n' "\${KEY_VALUE%%$'\\n'*}"; sleep 0.3; printf '%s\\nafter\\n' "\${KEY_VALUE#*$'\\n'}"`,
    );
    expectNoFragment(seen.join(""), KEY_VALUE);
    expect(seen.join("")).toBe("before\n***\nafter\n");
    // The line before the secret was not held back with it.
    expect(seen[0]).toBe("before\n");
  });

  it("a value a step wrapped itself (first part, newline, pause, the rest) goes out as ***", async () => {
    const seen = await pieces(
      `printf '%s\\n' "\${TOKEN:0:9}"; sleep 0.3; printf '%s done\\n' "\${TOKEN:9}"`,
    );
    expectNoFragment(seen.join(""), TOKEN);
    expect(seen.join("")).toBe("*** done\n");
  });

  it("a token shape wrapped over two lines is held until its second line comes", async () => {
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const seen = await pieces(
      `printf 'token ${token.slice(0, 20)}\\n'; sleep 0.3; printf '${token.slice(20)}\\nnext\\n'`,
    );
    expectNoFragment(seen.join(""), token);
    expect(seen.join("")).toBe("token ***\nnext\n");
  });

  it("an ordinary line that ends in a value's first character waits only for the next read", async () => {
    // `d` begins TOKEN's value: `…d` is held until more output comes, then goes out unchanged.
    const seen = await pieces(`printf 'build 1d\\n'; sleep 0.2; printf 'next\\n'`);
    expect(seen.join("")).toBe("build 1d\nnext\n");
  });
});
