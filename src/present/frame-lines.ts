import { compileKernel, WasmKernel } from "../core/wasm-kernel.js";
import { KERNEL_WASM } from "./frame-lines-kernel.js";

/** What each line is framed with: UTF-8 bytes before it and after it (`after` ends in `\n`). */
export interface LineFrame {
  readonly before: Uint8Array;
  readonly after: Uint8Array;
}

/**
 * Complete lines of plain ASCII (`text` ends in a line feed; printable characters and tabs
 * only) framed line by line, as the UTF-8 bytes to write; or `undefined` for any other text,
 * which then takes the general path (decoding, escaping; it prints complete lines whole, long
 * or not, as this does). Text like this needs no escaping at all, so it is framed in one pass
 * over its bytes, sixteen at a time, by a WebAssembly kernel (`frame-lines-kernel.wat`),
 * without a regular expression, a replacement string or a re-encoding: most of what a step
 * prints is like this (bench/run, `yes`), and the same loop in JavaScript took four times as
 * long.
 */
export function frameAsciiLines(text: string, frame: LineFrame): Buffer | undefined {
  if (!text.endsWith("\n") || Buffer.byteLength(text, "utf8") !== text.length) return undefined;
  const { before, after } = frame;
  // Memory: the text, the frames, then the framed lines (at most every byte ends one), each
  // with a block of room after it: the kernel reads and writes 16 bytes at a time.
  const beforeAt = text.length + BLOCK;
  const afterAt = beforeAt + before.length + BLOCK;
  const outAt = afterAt + after.length + BLOCK;
  const { kernel, frameLines } = framer;
  const memory = kernel.bytes(outAt + text.length * (1 + before.length + after.length) + BLOCK);
  Buffer.from(memory.buffer).write(text, 0, "latin1");
  memory.set(before, beforeAt);
  memory.set(after, afterAt);
  // frame(text, length, before, beforeLength, after, afterLength, out)
  const written = frameLines(0, text.length, beforeAt, before.length, afterAt, after.length, outAt);
  const framed = written === -1 ? undefined : Buffer.from(memory.subarray(outAt, outAt + written));
  if (kernel.oversized) framer = newFramer();
  return framed;
}

/** The bytes the kernel reads and writes at once. */
const BLOCK = 16;
/** Compiled as this module loads (see `compileKernel`). */
const MODULE = compileKernel(KERNEL_WASM);

function newFramer(): {
  readonly kernel: WasmKernel;
  readonly frameLines: (...args: number[]) => number;
} {
  const kernel = new WasmKernel(MODULE);
  return { kernel, frameLines: kernel.function("frame") };
}

/** The instance in use; a new one after a text that grew its memory too far. */
let framer = newFramer();
