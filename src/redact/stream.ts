import { codeUnits, freshQuietState, quietStateAt, type QuietState } from "./prefilter.js";
import { replaceSpans, type Redactor } from "./redactor.js";

/**
 * Longest secret always seen whole when a stream cuts it: a partial line longer than this is
 * passed on except for its last `CARRY_CHARS`, which wait for the next chunk.
 */
export const CARRY_CHARS = 4096;
/** Text already passed on that is searched again with the next chunk, as a secret's context. */
const CONTEXT_CHARS = 1024;
/**
 * A secret still open at the end of the text (a key block, a value whose first lines came) is
 * held back up to this much; past it, memory wins and the text goes on.
 */
export const MAX_HELD_CHARS = 4 * CARRY_CHARS;
/**
 * After a quiet spell, a held tail that begins a value by fewer characters than this (line
 * breaks aside) goes out ({@link StreamRedactor.release}): ordinary lines often end in a
 * character or two that some value (or an encoded form of one) begins with, and they should
 * not wait for the step's next output. At most this many characters less one of a secret can
 * show that way, and only if the step pauses right after them; from this many on, a tail waits
 * for more output or the end.
 */
export const RELEASE_BELOW = 3;

/**
 * Redacts a text stream that arrives in arbitrary pieces (pipe reads, 64 KiB at a time) before
 * any of it is passed on, so that the pieces passed on are, joined, the redaction of the whole
 * output. Complete lines go out at once, except a tail that may be the start of a secret the
 * next piece completes: a known value whose first characters end the text (across line breaks:
 * a PEM key, a value holding a newline, a token a step wrapped), a token cut short by a line
 * break at the end, a base64 run still open. That tail waits for the next piece or the end of
 * the stream, never for a timer: a step that prints half a secret and then sleeps must not see
 * the half printed. The unfinished last line waits too, and when it grows past
 * {@link CARRY_CHARS} only its older part goes out, never cutting through a secret that was
 * found. The last {@link CONTEXT_CHARS} already passed on are searched again with the next
 * piece, so context before a cut (`password=`, a key's BEGIN line) still counts. Memory stays
 * bounded: nothing past {@link MAX_HELD_CHARS} is held.
 *
 * Most pieces hold nothing a pattern or value could start at: the redactor's prefilter reads
 * each character once, carrying its state from piece to piece, and such a piece goes out
 * without the full scan or any copy of the text before it.
 */
export class StreamRedactor {
  readonly #redactor: Redactor;
  /** Raw text not yet passed on. */
  #pending = "";
  /** The end of the raw text already passed on. */
  #context = "";
  /** How much text was passed on since the stream began. */
  #passed = 0;
  /** The prefilter's state at the end of the text seen so far. */
  #quiet: QuietState = freshQuietState();
  /** The held text may begin a secret: the next piece is scanned in full with it. */
  #suspect = true;

  constructor(redactor: Redactor) {
    this.#redactor = redactor;
  }

  /**
   * The redacted text that can be passed on now (possibly empty). `units`, when given, are
   * `text`'s characters as bytes (the text is ASCII), which spares the prefilter a copy.
   */
  push(text: string, units?: Uint8Array): string {
    if (!this.#suspect) {
      const prefilter = this.#redactor.prefilter;
      if (prefilter.firstCandidate(text, units ?? codeUnits(text), this.#quiet) === -1) {
        return this.#passQuiet(this.#pending + text);
      }
    }
    return this.#scan(this.#pending + text);
  }

  /** True when complete lines are held back (a tail that may begin a secret). */
  get holdsLines(): boolean {
    return this.#pending.includes("\n");
  }

  /**
   * What can go out after a quiet spell (the step printed nothing more for a while): held
   * lines whose tail begins a value by fewer than {@link RELEASE_BELOW} characters; any longer
   * start of a value, a token cut by a line break or an open base64 run keeps waiting.
   */
  release(): string {
    if (this.#pending === "") return "";
    const out = this.#scan(this.#pending, RELEASE_BELOW);
    // What went out may end in a value's first characters: the next piece is scanned in full,
    // with it as context, so it cannot add to them unseen.
    this.#suspect = true;
    return out;
  }

  /** Everything still held, redacted (the stream ended), and a fresh start. */
  flush(): string {
    const whole = this.#context + this.#pending;
    const spans = this.#redactor.find(whole, { atStart: this.#atStart() });
    const out = replaceSpans(whole, spans, this.#context.length, whole.length);
    this.#pending = "";
    this.#context = "";
    this.#passed = 0;
    this.#quiet = freshQuietState();
    this.#suspect = true;
    return out;
  }

  /** `pending` holds no candidate: only a value's first characters at its end are held. */
  #passQuiet(pending: string): string {
    let cut = lineCut(pending);
    const open = this.#redactor.prefilter.openTail(pending, MAX_HELD_CHARS);
    if (open < cut) {
      cut = open;
      this.#suspect = true;
    }
    this.#pending = pending.slice(cut);
    if (cut === 0) return "";
    const out = pending.slice(0, cut);
    this.#context =
      out.length >= CONTEXT_CHARS
        ? out.slice(-CONTEXT_CHARS)
        : (this.#context + out).slice(-CONTEXT_CHARS);
    this.#passed += cut;
    return out;
  }

  /**
   * The full scan of the context and `pending`; a value's first characters at the end hold
   * text back from `minPrefix` of them on.
   */
  #scan(pending: string, minPrefix = 1): string {
    const lines = lineCut(pending);
    const whole = this.#context + pending;
    const offset = this.#context.length;
    this.#quiet = quietStateAt(whole);
    if (lines === 0) {
      // Held unscanned, and it may hold what brought it here: scan it with the next piece.
      this.#pending = pending;
      this.#suspect = true;
      return "";
    }
    const { spans, open } = this.#redactor.findOpen(whole, {
      atStart: this.#atStart(),
      limit: MAX_HELD_CHARS,
      minPrefix,
    });
    let cut = offset + lines;
    if (open < cut && whole.length - open <= MAX_HELD_CHARS) cut = Math.max(open, offset);
    for (let index = 0; index < spans.length; index += 2) {
      const start = spans[index] ?? 0;
      const end = spans[index + 1] ?? 0;
      // A secret across the cut, or ending where a held one may begin (the two would be one).
      if (start >= cut || end < cut || (end === cut && open > cut)) continue;
      // Wait for the rest if it may go on (still open at the end, or reaching what is open),
      // unless that is too long to hold.
      const growing = end === whole.length || end >= open;
      cut = growing && whole.length - start <= MAX_HELD_CHARS ? Math.max(start, offset) : end;
    }
    const out = replaceSpans(whole, spans, offset, cut);
    this.#pending = whole.slice(cut);
    this.#context = whole.slice(Math.max(0, cut - CONTEXT_CHARS), cut);
    this.#passed += cut - offset;
    this.#suspect = this.#pending !== "" && this.#mayBegin(whole.slice(Math.max(0, cut - 32)));
    return out;
  }

  /**
   * Whether the held end of `text` (with a few characters passed on before it, so that a
   * trigger a long line's cut went through is seen) holds a candidate for the full scan, or
   * ends inside a value.
   */
  #mayBegin(text: string): boolean {
    const prefilter = this.#redactor.prefilter;
    return (
      prefilter.firstCandidate(text, codeUnits(text), freshQuietState()) !== -1 ||
      prefilter.openTail(text, MAX_HELD_CHARS) < text.length
    );
  }

  /** Whether the context still begins where the stream began. */
  #atStart(): boolean {
    return this.#passed === this.#context.length;
  }
}

/** Where complete lines end in `pending`, or the start of its last {@link CARRY_CHARS}. */
function lineCut(pending: string): number {
  const cut = pending.lastIndexOf("\n") + 1;
  return pending.length - cut > CARRY_CHARS ? pending.length - CARRY_CHARS : cut;
}
