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
