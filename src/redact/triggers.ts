import { charClass } from "./chars.js";
import { pairKey, type LiteralIndex } from "./literals.js";
import { SECRET_PATTERNS, type SecretPattern } from "./patterns.js";

/** The secret shapes, as the scanners index them. */
export const PATTERNS: readonly SecretPattern[] = SECRET_PATTERNS;

/** A pattern's trigger: where its matcher is tried. */
export interface Trigger {
  readonly pattern: number;
  readonly text: string;
}

/** Every pattern's triggers by their first two characters, and the table of those pairs. */
export const TRIGGERS = new Map<number, Trigger[]>();
const TRIGGER_PAIRS = new Uint8Array(0x10000);
PATTERNS.forEach((pattern, index) => {
  for (const text of pattern.triggers) {
    const key = pairKey(text.charCodeAt(0), text.charCodeAt(1));
    TRIGGER_PAIRS[key] = 1;
    const list = TRIGGERS.get(key) ?? [];
    list.push({ pattern: index, text });
    TRIGGERS.set(key, list);
  }
});

/** Flags in the scanners' pair table. */
export const SHAPE = 1;
export const LITERAL = 2;

/** Standard base64 (padding ends a run; line breaks do not, so wrapped output is one run). */
export const BASE64 = charClass("A-Za-z0-9+/");
/** Shortest base64 run decoded to look for secrets inside (18 bytes of text). */
export const MIN_BASE64_RUN = 24;

/** The pair table for a literal index: where a shape trigger or a literal value may start. */
export function pairTable(literals: LiteralIndex): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let key = 0; key < table.length; key++) {
    table[key] = (TRIGGER_PAIRS[key] === 1 ? SHAPE : 0) | (literals.pairs[key] === 1 ? LITERAL : 0);
  }
  return table;
}
