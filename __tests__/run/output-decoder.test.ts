import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OutputDecoder } from "../../src/run/output-decoder.js";

// Issue 9, part 5: ASCII reads skip the UTF-8 decoder. The text must be exactly what the
// decoder gives for the whole stream, however the reads cut it.

/** Bytes of mostly ASCII output with multi-byte characters, a BOM and invalid bytes mixed in. */
const output = fc
  .array(
    fc.oneof(
      { arbitrary: fc.constantFrom("INFO ok\n", "a", " ", "\r\n"), weight: 6 },
      { arbitrary: fc.constantFrom("é", "│", "\u{1F600}", "\ufeff", "\u0000"), weight: 2 },
      { arbitrary: fc.string({ unit: "binary", maxLength: 6 }), weight: 1 },
    ),
    { maxLength: 40 },
  )
  .chain((parts) =>
    fc
      .array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 })
      .map((invalid) => Buffer.concat([Buffer.from(parts.join("")), Buffer.from(invalid)])),
  );

function decodeInReads(bytes: Buffer, cuts: readonly number[]): string {
  const points = [...new Set(cuts.map((cut) => cut % (bytes.length + 1)))].sort((a, b) => a - b);
  const decoder = new OutputDecoder();
  let text = "";
  let at = 0;
  for (const point of [...points, bytes.length]) {
    text += decoder.decode(bytes.subarray(at, point));
    at = point;
  }
  return text + decoder.end();
}

describe("OutputDecoder", () => {
  it("gives the decoder's text for the whole stream, over random reads", () => {
    const whole = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
    fc.assert(
      fc.property(output, fc.array(fc.nat(), { maxLength: 10 }), (bytes, cuts) => {
        expect(decodeInReads(bytes, cuts)).toBe(whole.decode(bytes));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps a character whole when an ASCII read follows its first bytes", () => {
    const bytes = Buffer.from("x│y", "utf8");
    const decoder = new OutputDecoder();
    const text = [bytes.subarray(0, 2), bytes.subarray(2, 4), bytes.subarray(4)]
      .map((read) => decoder.decode(read))
      .join("");
    expect(text + decoder.end()).toBe("x│y");
    // An unfinished character before an ASCII read is one U+FFFD, as the decoder says.
    const cut = new OutputDecoder();
    expect(cut.decode(bytes.subarray(0, 2)) + cut.decode(Buffer.from("ab"))).toBe("x\ufffdab");
  });
});
