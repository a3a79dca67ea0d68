import { describe, expect, it } from "vitest";
import { createRedactor } from "../../src/redact/redactor.js";
import { RedactingLines } from "../../src/run/redacting-lines.js";

function collect() {
  const seen: string[] = [];
  const lines = new RedactingLines(
    createRedactor({ env: { DB_PASSWORD: "correct-horse-battery" } }),
    (text, stream) => seen.push(`${stream}:${text}`),
  );
  return { lines, seen };
}

describe("RedactingLines", () => {
  it("redacts a secret split across chunks before it is shown", () => {
    const { lines, seen } = collect();
    lines.push(Buffer.from("pass=correct-hor"), "stdout");
    lines.push(Buffer.from("se-battery ok\nnext"), "stdout");
    lines.flush();
    expect(seen.join("")).not.toContain("correct-horse-battery");
    expect(seen).toEqual(["stdout:pass=*** ok\n", "stdout:next"]);
  });

  it("keeps streams apart and decodes a character split across chunks", () => {
    const { lines, seen } = collect();
    const euro = Buffer.from("€\n");
    lines.push(euro.subarray(0, 1), "stderr");
    lines.push(Buffer.from("out\n"), "stdout");
    lines.push(euro.subarray(1), "stderr");
    expect(seen).toEqual(["stdout:out\n", "stderr:€\n"]);
  });

  it("passes an endless line on in pieces, so memory stays bounded", () => {
    const { lines, seen } = collect();
    for (let i = 0; i < 5; i++) lines.push(Buffer.alloc(4096, "x"), "stdout");
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.join("").length).toBeGreaterThanOrEqual(8192);
  });
});
