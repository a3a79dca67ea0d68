/** A pair of adjacent characters as a table index: exact for ASCII, hashed beyond. */
export function pairKey(first: number, second: number): number {
  return ((first << 7) | second) & 0xffff;
}

/** A line break, which the literal matcher steps over (wrapped base64, wrapped tokens). */
export function isLineBreak(code: number): boolean {
  return code === 10 || code === 13;
}

/**
 * Exact secret values (and their encoded forms) indexed by their first two characters: the
 * scanner looks each pair of adjacent characters up in one table and compares only the few
 * values that start with that pair. Line breaks are ignored on both sides, so a value that a
 * step prints wrapped over several lines is still found.
 */
export class LiteralIndex {
  /** Non-zero where some value starts with the pair; shared with the shape triggers. */
  readonly pairs = new Uint8Array(0x10000);
  readonly #byPair = new Map<number, string[]>();
  /** The values by their first character, for a text that ends after one character of one. */
  readonly #byFirst = new Map<number, string[]>();
  /** Length of the longest value, line breaks left out. */
  readonly longest: number = 0;

  /** `values` longest first, so that a value containing another is matched whole. */
  constructor(values: readonly string[]) {
    for (const value of values) {
      const flat = value.replace(/[\r\n]/g, "");
      if (flat.length < 2) continue;
      const key = pairKey(flat.charCodeAt(0), flat.charCodeAt(1));
      this.pairs[key] = 1;
      const list = this.#byPair.get(key);
      if (list === undefined) this.#byPair.set(key, [flat]);
      else list.push(flat);
      const first = this.#byFirst.get(flat.charCodeAt(0));
      if (first === undefined) this.#byFirst.set(flat.charCodeAt(0), [flat]);
      else first.push(flat);
      this.longest = Math.max(this.longest, flat.length);
    }
  }

  /**
   * The first place in the last `limit` characters of `text` from which the rest of the text,
   * line breaks skipped, begins some value without completing it: where a value may have
   * begun that the text to come can complete. `text.length` when there is none. Only the last
   * `longest - 1` characters other than line breaks can be such a place; with `minPrefix`,
   * only a place from which that many characters (line breaks aside) are left.
   */
  openTail(text: string, limit: number, minPrefix = 1): number {
    const stop = Math.max(0, text.length - limit);
    let from = text.length;
    let count = 0;
    while (from > stop && count < this.longest - 1) {
      from--;
      if (!isLineBreak(text.charCodeAt(from))) count++;
    }
    // `count`: characters other than line breaks from `at` to the end, the prefix's length.
    for (let at = from; at < text.length && count >= minPrefix; at++) {
      if (isLineBreak(text.charCodeAt(at))) continue;
      if (this.runsOutAt(text, at)) return at;
      count--;
    }
    return text.length;
  }

  /** True when `text` from `at` to its end, line breaks skipped, begins a value it does not complete. */
  runsOutAt(text: string, at: number): boolean {
    const values = this.#byFirst.get(text.charCodeAt(at));
    return values !== undefined && values.some((value) => runsOut(text, at, value));
  }

  /**
   * The end of the longest value that starts at `at` (whose second character is at `second`),
   * line breaks in the text skipped; -1 when none does.
   */
  matchAt(text: string, at: number, second: number): number {
    const first = text.charCodeAt(at);
    const values = this.#byPair.get(pairKey(first, text.charCodeAt(second)));
    if (values === undefined) return -1;
    for (const value of values) {
      if (value.charCodeAt(0) !== first || value.charCodeAt(1) !== text.charCodeAt(second))
        continue;
      const end = matchSkippingBreaks(text, second + 1, value, 2);
      if (end !== -1) return end;
    }
    return -1;
  }
}

function matchSkippingBreaks(text: string, from: number, value: string, offset: number): number {
  let index = from;
  for (let position = offset; position < value.length; position++) {
    let code = text.charCodeAt(index);
    while (isLineBreak(code)) code = text.charCodeAt(++index);
    if (code !== value.charCodeAt(position)) return -1;
    index++;
  }
  return index;
}

/** True when `text` from `at` to its end, line breaks skipped, is a proper prefix of `value`. */
function runsOut(text: string, at: number, value: string): boolean {
  let index = at;
  for (let position = 0; position < value.length; position++) {
    while (isLineBreak(text.charCodeAt(index))) index++;
    if (index >= text.length) return position > 0;
    if (text.charCodeAt(index) !== value.charCodeAt(position)) return false;
    index++;
  }
  return false;
}
