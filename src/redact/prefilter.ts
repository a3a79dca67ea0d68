import type { LiteralIndex } from "./literals.js";
import { BASE64, LITERAL, MIN_BASE64_RUN, SHAPE, TRIGGERS } from "./triggers.js";

/** What the prefilter needs to know of a character, by UTF-16 code unit. */
const LINE_BREAK = 1;
/** ESC and the one-byte CSI: the redactor sets escape sequences aside before it matches. */
const ESCAPE = 2;
const KIND = new Uint8Array(0x10000);
KIND[10] = LINE_BREAK;
KIND[13] = LINE_BREAK;
KIND[0x1b] = ESCAPE;
KIND[0x9b] = ESCAPE;
/** -1 for a character that goes on a base64 run (base64, or a CR), 0 for one that ends it. */
const RUN_MASK = new Int32Array(0x10000);
BASE64.forEach((member, code) => (RUN_MASK[code] = member === 1 ? -1 : 0));
RUN_MASK[13] = -1;

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
  while (run < MIN_BASE64_RUN && RUN_MASK[text.charCodeAt(text.length - 1 - run)] === -1) run++;
  let last = text.length - 1;
  while (last >= 0 && ((KIND[text.charCodeAt(last)] ?? 0) & LINE_BREAK) !== 0) last--;
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
 * feed only after a full line of 64 or 76). One table lookup a character, and a second where
 * the character is not a line break: most of the time redaction takes is this loop.
 */
export function firstCandidate(
  text: string,
  units: Uint8Array | Uint16Array,
  state: QuietState,
  literals: LiteralIndex,
  table: Uint8Array,
): number {
  // The loop reads only locals: an imported binding read in it cost more than the work here.
  const kind = KIND;
  const runMask = RUN_MASK;
  const minRun = MIN_BASE64_RUN;
  const length = units.length;
  let previous = state.previous;
  // Where `previous` is in the text; NONE when it came before the text (or there is none).
  let previousAt = NONE;
  let run = state.run;
  for (let at = 0; at < length; at++) {
    const code = units[at] ?? 0;
    // Without a branch: whether a letter or a space comes next is not predictable.
    run = (run + 1) & (runMask[code] ?? 0);
    if (run >= minRun) return at;
    const what = kind[code] ?? 0;
    if (what !== 0) {
      if (what === ESCAPE) return at;
      continue;
    }
    const key = ((previous << 7) | code) & 0xffff;
    if (previous !== NONE && table[key] !== 0) {
      if (previousAt === NONE) return 0;
      if (isCandidate(text, previousAt, at, key, literals, table)) return previousAt;
    }
    previous = code;
    previousAt = at;
  }
  state.previous = previous;
  state.run = run;
  return -1;
}

/**
 * Whether a trigger or a literal the pair table flagged at `first`, `second` is really there,
 * or may be: the text ends inside it.
 */
function isCandidate(
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
