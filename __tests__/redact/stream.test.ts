import { describe, expect, it } from "vitest";
import { outputExcerpt } from "../../src/run/records.js";
import { capExcerpt, scrubValue } from "../../src/audit/scrub.js";
import { runScript } from "../../src/execute/run-script.js";
import { runStep } from "../../src/execute/run-step.js";
import { createRedactor } from "../../src/redact/redactor.js";
import { CARRY_CHARS, StreamRedactor } from "../../src/redact/stream.js";
import { RedactingLines } from "../../src/run/redacting-lines.js";
import { BASH, FIXTURES, baseEnv } from "../execute/helpers.js";

// Issue 11, item 10: a secret split across two 64 KiB reads of one long line reached the
// terminal and the log in halves. The secret must be found before the text is split.

const SECRET = "dpl-7Hq2vX9kLm4Rz8Tn0pQ-a-long-enough-deploy-token";
const redactor = createRedactor({ env: { DEPLOY_TOKEN: SECRET } });
const READ = 64 * 1024;

/** No 6 characters in a row of `secret` survive in `text`. */
function expectNoFragment(text: string, secret: string): void {
  for (let at = 0; at + 6 <= secret.length; at++)
    expect(text).not.toContain(secret.slice(at, at + 6));
}

/** Everything RedactingLines passes on for `chunks` of stdout. */
function throughLines(chunks: readonly Buffer[]): string {
  let seen = "";
  const lines = new RedactingLines(redactor, (text) => (seen += text));
  for (const chunk of chunks) lines.push(chunk, "stdout");
  lines.flush();
  return seen;
}

/** A long line with `secret` straddling the first 64 KiB read, cut into 64 KiB reads. */
function straddling(secret: string, before = 10): Buffer[] {
  const line = Buffer.from(`${"x".repeat(READ - before)}${secret}${"y".repeat(READ)}\n`);
  const chunks: Buffer[] = [];
  for (let at = 0; at < line.length; at += READ) chunks.push(line.subarray(at, at + READ));
  return chunks;
}

describe("a secret across a read boundary", () => {
  it("is redacted whole on the terminal when a long line is cut between two reads", () => {
    for (const before of [1, 10, SECRET.length - 1]) {
      const out = throughLines(straddling(SECRET, before));
      expectNoFragment(out, SECRET);
      expect(out).toContain("x***y");
    }
  });

  it("is redacted in its base64 forms across the boundary too", () => {
    for (const prefix of ["", "a", "ab"]) {
      const encoded = Buffer.from(`${prefix}${SECRET}`).toString("base64");
      const out = throughLines(straddling(encoded, 20));
      // Its first and last few characters mix in the neighbouring bytes; the rest must go.
      expect(out).toContain("***");
      for (let at = 4; at + 8 <= encoded.length - 4; at++) {
        expect(out).not.toContain(encoded.slice(at, at + 8));
      }
    }
  });

  it("is redacted with context from before the cut (`password=` then the value)", () => {
    const stream = new StreamRedactor(redactor);
    const first = stream.push(`${"x".repeat(CARRY_CHARS * 2)} password=`);
    const rest = stream.push("hunter2hunter2 done\n");
    expect(first + rest).toContain("password=*** done\n");
    expect(first + rest).not.toContain("hunter2");
  });

  it("is held back while still open, so a key block cut by reads goes out whole", () => {
    const stream = new StreamRedactor(redactor);
    const key = `-----BEGIN OPENSSH PRIVATE KEY-----\n${"b3BlbnNzaC1rZXktdjEAAAAA\n".repeat(40)}-----END OPENSSH PRIVATE KEY-----\n`;
    let out = stream.push(`before\n${key.slice(0, 300)}`);
    for (let at = 300; at < key.length; at += 300) out += stream.push(key.slice(at, at + 300));
    out += stream.flush();
    expect(out).toBe("before\n***\n");
  });

  it("is redacted whole through a real child process writing one long line", async () => {
    let seen = "";
    const lines = new RedactingLines(redactor, (text) => (seen += text));
    const result = await runScript({
      cwd: FIXTURES,
      env: { ...baseEnv(), SECRET_VALUE: SECRET },
      timeoutMs: 20_000,
      interpreter: BASH,
      script: `head -c ${READ - 7} /dev/zero | tr '\\0' x; printf '%s' "$SECRET_VALUE"; head -c ${3 * READ} /dev/zero | tr '\\0' y; echo`,
      onOutput: (chunk, stream) => lines.push(chunk, stream),
    });
    lines.flush();
    expect(result.exitCode).toBe(0);
    expectNoFragment(seen, SECRET);
    expect(seen).toContain("x***y");
  });
});

describe("a secret across the head/tail seam of the capture", () => {
  it("never reaches the audit excerpt in halves", async () => {
    for (const total of [READ + 2_000, 5 * READ]) {
      const result = await runStep({
        cwd: FIXTURES,
        env: { ...baseEnv(), SECRET_VALUE: SECRET },
        timeoutMs: 20_000,
        scripts: [
          {
            interpreter: BASH,
            script: `head -c ${READ - 9} /dev/zero | tr '\\0' x; printf '%s' "$SECRET_VALUE"; head -c ${total - READ} /dev/zero | tr '\\0' y`,
          },
        ],
      });
      // What the audit writer does: redact every string, then cap the excerpt.
      const excerpt = capExcerpt(scrubValue(outputExcerpt(result), redactor));
      expectNoFragment(excerpt.head + excerpt.tail, SECRET);
      expect(excerpt.tail.endsWith("y")).toBe(true);
    }
  });
});
