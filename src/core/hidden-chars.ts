/**
 * Characters that can change what a terminal shows without being seen (safety invariant 8):
 * C0 controls except tab and line feed (so ESC, which starts every ANSI sequence, and CR), DEL,
 * C1 controls (U+009B is a one-byte CSI), bidirectional overrides and isolates ("Trojan
 * Source"), zero-width and other invisible characters (soft hyphen, Hangul fillers, Unicode tags
 * that smuggle hidden ASCII), line/paragraph separators and the BOM. Every printer of untrusted
 * text shows these visibly; they differ only in how.
 */
export const HIDDEN_CHARS =
  // eslint-disable-next-line no-control-regex, no-misleading-character-class -- each character on its own
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

const NAMED: Readonly<Record<string, string>> = {
  "\u001b": "<ESC>",
  "\r": "<CR>",
  "\u0000": "<NUL>",
};

/**
 * Every {@link HIDDEN_CHARS} character shown by name instead: `<ESC>`, `<CR>`, `<NUL>` or
 * `<U+XXXX>`. The one notation every output target uses for them (terminal, Markdown, workflow
 * commands, Slack), so a reader sees the same thing everywhere; tabs and newlines are kept.
 */
export function showHiddenChars(text: string): string {
  return text.replace(HIDDEN_CHARS, (char) => NAMED[char] ?? codePointName(char));
}

function codePointName(char: string): string {
  const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return `<U+${hex}>`;
}
