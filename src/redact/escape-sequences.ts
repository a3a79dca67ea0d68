// Terminal escape sequences: CSI (`ESC [` or the one-byte U+009B, parameters, a final byte), OSC
// (`ESC ]` … BEL or `ESC \`), and the others (`ESC`, intermediates, a final byte: `ESC ( B`).
// Each part is a greedy class with optional terminators, so matching never backtracks: linear on
// any input.
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- escape sequences are what this matches
  /(?:\u001b\[|\u009b)[0-?]*[ -/]*[@-~]?|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[ -/]*[0-~]?/g;

/** Text with its escape sequences removed, and where each of its characters came from. */
export interface CleanText {
  readonly text: string;
  /** `origin[i]` is the index in the original text of character `i`; absent when unchanged. */
  readonly origin?: Int32Array;
  /**
   * The sequences removed, where each began in the original text: a window title
   * (`ESC ] 0 ; TEXT BEL`) carries text of its own, which is searched for secrets apart.
   */
  readonly removed?: readonly { readonly at: number; readonly text: string }[];
}

/**
 * Removes terminal escape sequences so that a secret a step prints with colour codes inside
 * (`gh\e[0mp_…`) is matched whole. Text without ESC or U+009B is returned as is, uncopied.
 */
export function withoutEscapeSequences(text: string): CleanText {
  if (text.indexOf("\u001b") === -1 && text.indexOf("\u009b") === -1) return { text };
  const origin = new Int32Array(text.length);
  const parts: string[] = [];
  const removed: { at: number; text: string }[] = [];
  let length = 0;
  let from = 0;
  const keep = (end: number): void => {
    for (let index = from; index < end; index++) origin[length++] = index;
    parts.push(text.slice(from, end));
  };
  ESCAPE_SEQUENCE.lastIndex = 0;
  for (let match = ESCAPE_SEQUENCE.exec(text); match !== null;) {
    keep(match.index);
    removed.push({ at: match.index, text: match[0] });
    from = match.index + match[0].length;
    match = ESCAPE_SEQUENCE.exec(text);
  }
  keep(text.length);
  return { text: parts.join(""), origin: origin.subarray(0, length), removed };
}
