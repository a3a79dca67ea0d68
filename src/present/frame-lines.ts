import { compileKernel, WasmKernel } from "../core/wasm-kernel.js";
import { KERNEL_WASM } from "./frame-lines-kernel.js";

/** What each line is framed with: UTF-8 bytes before it and after it (`after` ends in `\n`). */
export interface LineFrame {
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

/**
 * Complete lines of plain ASCII (`text` ends in a line feed; printable characters and tabs
 * only, no line longer than `maxLine`) framed line by line, as the UTF-8 bytes to write; or
 * `undefined` for any other text, which then takes the general path (decoding, escaping,
 * cutting long lines). Text like this needs no escaping at all, so it is framed in one pass
 * over its bytes by a WebAssembly kernel (`frame-lines-kernel.wat`), without a regular
 * expression, a replacement string or a re-encoding: most of what a step prints is like this
 * (bench/run, `yes`), and the same loop in JavaScript took four times as long.
 */
export function frameAsciiLines(
  text: string,
  frame: LineFrame,
  maxLine: number,
): Buffer | undefined {
  if (!text.endsWith("\n") || Buffer.byteLength(text, "utf8") !== text.length) return undefined;
  const { before, after } = frame;
  // Memory: the text, the frames, then room for the framed lines (at most every byte ends one).
  const framesAt = text.length;
  const outAt = framesAt + before.length + after.length;
  const memory = kernel.bytes(outAt + text.length * (1 + before.length + after.length));
  Buffer.from(memory.buffer).write(text, 0, "latin1");
  memory.set(before, framesAt);
  memory.set(after, framesAt + before.length);
  const afterAt = framesAt + before.length;
  // frame(text, length, before, beforeLength, after, afterLength, out, maxLine)
  const written = frameLines(
    0,
    text.length,
    framesAt,
    before.length,
    afterAt,
    after.length,
    outAt,
    maxLine,
  );
  return written === -1 ? undefined : Buffer.from(memory.subarray(outAt, outAt + written));
}

const kernel = new WasmKernel(compileKernel(KERNEL_WASM));
const frameLines = kernel.function("frame");
