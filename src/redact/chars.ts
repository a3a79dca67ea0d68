/**
 * Character classes for the redactor's scanners, as lookup tables over ASCII: a class written
 * like a regex class body (`A-Za-z0-9_-`; a `-` first or last is literal). Non-ASCII characters
 * belong to no class.
 */
export type CharClass = Uint8Array;

export function charClass(body: string): CharClass {
  const table = new Uint8Array(128);
  for (let index = 0; index < body.length; index++) {
    const from = body.charCodeAt(index);
    const isRange = body[index + 1] === "-" && index + 2 < body.length;
    const to = isRange ? body.charCodeAt(index + 2) : from;
    for (let code = from; code <= to; code++) table[code] = 1;
    if (isRange) index += 2;
  }
  return table;
}

/** True when `code` (a UTF-16 code unit, or NaN past the end) is in `cls`. */
export function inClass(cls: CharClass, code: number): boolean {
  return code < 128 && cls[code] === 1;
}

/** The index after the run of `cls` characters that starts at `from` (`from` if none). */
export function runEnd(text: string, from: number, cls: CharClass): number {
  let index = from;
  while (index < text.length && inClass(cls, text.charCodeAt(index))) index++;
  return index;
}

/** Word characters, as `\b` sees them. */
export const WORD = charClass("A-Za-z0-9_");

/** True when a token may start at `at`: at the start, or after a non-word character. */
export function boundaryBefore(text: string, at: number): boolean {
  return at === 0 || !inClass(WORD, text.charCodeAt(at - 1));
}

/** The index after the spaces and tabs that start at `from`. */
export function skipBlanks(text: string, from: number): number {
  let index = from;
  while (text[index] === " " || text[index] === "\t") index++;
  return index;
}
