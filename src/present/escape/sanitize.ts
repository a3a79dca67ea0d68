import { HIDDEN_CHARS } from "../../core/hidden-chars.js";

const LINE_BREAKS = /\r\n|[\r\n\t]/g;

function visible(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const hex = code.toString(16);
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u${hex.padStart(4, "0")}`;
}

/**
 * Shows control characters (so every ANSI escape sequence), bidi overrides and invisible
 * characters as `\x1b` / `\u202e` instead of letting a terminal interpret or hide them. Tabs
 * and line breaks are kept, for the caller to fold or escape (see {@link sanitizeLine}).
 */
export function neutralizeControls(text: string): string {
  return text.replace(HIDDEN_CHARS, (char) => (char === "\r" ? char : visible(char)));
}

/**
 * Runbook text made safe to print on one line of a terminal: line breaks and tabs become
 * spaces, then {@link neutralizeControls}. A runbook cannot change the display.
 */
export function sanitizeLine(text: string): string {
  return neutralizeControls(text.replace(LINE_BREAKS, " "));
}
