import { compileKernel, WasmKernel } from "../core/wasm-kernel.js";
import { pairKey, type LiteralIndex } from "./literals.js";
import { KERNEL_WASM } from "./prefilter-kernel.js";
import { BASE64, LITERAL, MIN_BASE64_RUN, SHAPE, TRIGGERS } from "./triggers.js";

/** What the prefilter needs to know of a character, as bits, by UTF-16 code unit. */
const CLASS = new Uint8Array(0x10000);
/** It goes on a base64 run (base64, or a CR). */
const ON_RUN = 1;
const LINE_BREAK = 2;
/** ESC and the one-byte CSI: the redactor sets escape sequences aside before it matches. */
const ESCAPE = 4;
BASE64.forEach((member, code) => (CLASS[code] = member === 1 ? ON_RUN : 0));
CLASS[10] = LINE_BREAK;
CLASS[13] = LINE_BREAK | ON_RUN;
CLASS[0x1b] = ESCAPE;
CLASS[0x9b] = ESCAPE;

/** No character before: the first pair starts inside the text. */
const NONE = -1;

/**
 * Where the prefilter stands at the end of the text it has seen (a stream's, across its
 * pieces): the last character that is not a line break ({@link NONE} if none) and how many
 * base64 characters (or CRs) end the text.
 */
export interface QuietState {
  previous: number;
  run: number;
}

/** The state before any text. */
export function freshQuietState(): QuietState {
  return { previous: NONE, run: 0 };
}

/** The state at the end of `text`, as {@link firstCandidate} would leave it from the start. */
export function quietStateAt(text: string): QuietState {
  let run = 0;
  const is = (at: number, what: number): boolean =>
    ((CLASS[text.charCodeAt(at)] ?? 0) & what) !== 0;
  while (run < MIN_BASE64_RUN && is(text.length - 1 - run, ON_RUN)) run++;
  let last = text.length - 1;
  while (last >= 0 && is(last, LINE_BREAK)) last--;
  return { previous: last < 0 ? NONE : text.charCodeAt(last), run };
}

/**
 * A text's UTF-16 code units as a typed array, which the prefilter reads about twice as fast as
 * `charCodeAt`: the text's bytes when it is ASCII (copied by the native encoder), else UTF-16.
 */
export function codeUnits(text: string): Uint8Array | Uint16Array {
  if (Buffer.byteLength(text, "utf8") === text.length) return Buffer.from(text, "latin1");
  const units = new Uint16Array(text.length);
  Buffer.from(units.buffer).write(text, "utf16le");
  return units;
}

/**
 * Where the full scan has to look first in `text` (its code units `units`), read on from
 * `state`: the first character of the first trigger or literal value that is really there (or
 * that the text ends inside of), the end of the first {@link MIN_BASE64_RUN} base64 characters
 * (or CRs) together, an escape sequence (which the redactor sets aside before it matches, so it
 * may be inside a secret), or 0 for a pair that began before the text; -1 when there is none, and
 * then `state` is moved to the end of the text. Every span the full scan reports begins at a
 * trigger or a literal whose first two characters the pair table flags and whose text is there,
 * or is a base64 run, which holds that many such characters in a row (a run goes on past a line
 * feed only after a full line of 64 or 76). The loop over the characters, most of the time
 * redaction takes, runs in a WebAssembly kernel (`prefilter-kernel.wat`: one table lookup a
 * character, a second where it is not a line break), which stops at each pair the table flags
 * for this function to check.
 */
export function firstCandidate(
  text: string,
  units: Uint8Array | Uint16Array,
  state: QuietState,
  literals: LiteralIndex,
  table: Uint8Array,
): number {
  const kernel = kernelFor(table);
  try {
    const memory = kernel.wasm.bytes(TEXT_AT + units.byteLength);
    memory.set(new Uint8Array(units.buffer, units.byteOffset, units.byteLength), TEXT_AT);
    const { previous, previousAt, run, flagged, scan } = kernel;
    previous.value = state.previous;
    previousAt.value = NONE;
    run.value = state.run;
    const wide = units.BYTES_PER_ELEMENT === 2 ? 1 : 0;
    for (let from = 0; ;) {
      const at = scan(from, units.length, wide, MIN_BASE64_RUN);
      if (at === -1) {
        state.previous = previous.value;
        state.run = run.value;
        return -1;
      }
      if (flagged.value === 0) return at;
      const first = previousAt.value;
      if (first === NONE) return 0;
      const code = units[at] ?? 0;
      if (isCandidate(text, first, at, pairKey(previous.value, code), literals, table))
        return first;
      previous.value = code;
      previousAt.value = at;
      from = at + 1;
    }
  } finally {
    // WebAssembly memory never shrinks: one grown for a large text is let go.
    if (kernel.wasm.oversized) kernels.delete(table);
  }
}

/** Where the text starts in a kernel's memory; the tables come before it. */
const PAIRS_AT = 0;
const CLASS_AT = 0x10000;
const TEXT_AT = 0x20000;

/** A prefilter kernel, with its memory's tables filled for one pair table. */
interface PrefilterKernel {
  readonly wasm: WasmKernel;
  readonly scan: (from: number, length: number, wide: number, minRun: number) => number;
  readonly previous: { value: number };
  readonly previousAt: { value: number };
  readonly run: { value: number };
  readonly flagged: { value: number };
}

/** Compiled as this module loads (see `compileKernel`); instantiated once per pair table. */
const KERNEL = compileKernel(KERNEL_WASM);
/** One kernel per pair table (one per redactor), made at its first use. */
const kernels = new WeakMap<Uint8Array, PrefilterKernel>();

function kernelFor(table: Uint8Array): PrefilterKernel {
  const known = kernels.get(table);
  if (known !== undefined) return known;
  const kernel = new WasmKernel(KERNEL);
  const memory = kernel.bytes(TEXT_AT);
  memory.set(table, PAIRS_AT);
  memory.set(CLASS, CLASS_AT);
  const made: PrefilterKernel = {
    wasm: kernel,
    scan: kernel.function("scan"),
    previous: kernel.global("previous"),
    previousAt: kernel.global("previousAt"),
    run: kernel.global("run"),
    flagged: kernel.global("flagged"),
  };
  kernels.set(table, made);
  return made;
}

/**
 * Whether a trigger or a literal the pair table flagged at `first`, `second` is really there,
 * or may be: the text ends inside it.
 */
export function isCandidate(
  text: string,
  first: number,
  second: number,
  key: number,
  literals: LiteralIndex,
  table: Uint8Array,
): boolean {
  const flags = table[key] ?? 0;
  const shape =
    (flags & SHAPE) !== 0 &&
    first === second - 1 &&
    (TRIGGERS.get(key) ?? []).some(
      (trigger) =>
        text.startsWith(trigger.text, first) ||
        (text.length - first < trigger.text.length && trigger.text.startsWith(text.slice(first))),
    );
  return (
    shape ||
    ((flags & LITERAL) !== 0 &&
      (literals.matchAt(text, first, second) !== -1 || literals.runsOutAt(text, first)))
  );
}
