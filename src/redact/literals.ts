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
    }
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
