// C0 and C1 controls (ESC starts every ANSI sequence), DEL, and the Unicode bidi controls that
// can reorder what a terminal shows ("Trojan Source"). Tab and line breaks are handled apart.
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- finding control characters is the purpose
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const LINE_BREAKS = /\r\n|[\r\n\t]/g;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Shows control characters (so every ANSI escape sequence) and bidi overrides as `\x1b` /
 * `\u202e` instead of letting a terminal interpret them. Tabs and line breaks are kept.
 */
export function neutralizeControls(text: string): string {
  return text.replace(UNSAFE, visible);
}

/**
 * Runbook text made safe to print on one line of a terminal: line breaks and tabs become
 * spaces, then {@link neutralizeControls}. A runbook cannot change the display.
 */
export function sanitizeLine(text: string): string {
  return neutralizeControls(text.replace(LINE_BREAKS, " "));
}
