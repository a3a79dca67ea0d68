import { SECRET_PATTERNS } from "./patterns.js";
import { MIN_SECRET_VALUE_LENGTH, secretEnvValues, sortLongestFirst } from "./secret-env.js";

/** What replaces every secret. */
export const REDACTED = "***";

export interface RedactorOptions {
  /** The environment whose secret-looking variables' values are redacted literally. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** More literal values to redact (e.g. a token read from a file), any length ≥ 6. */
  readonly extraSecrets?: readonly string[];
}

/** Replaces secrets in text by `***`. Pure; safe to call on megabytes. */
export type Redact = (text: string) => string;

/**
 * Builds a redactor: one regular expression that matches the literal secret values (longest
 * first) and every known token shape, applied in a single pass.
 */
export function createRedactor(options: RedactorOptions): Redact {
  const literals = sortLongestFirst([
    ...secretEnvValues(options.env),
    ...(options.extraSecrets ?? []).filter((value) => value.length >= MIN_SECRET_VALUE_LENGTH),
  ]);
  const alternatives = [...literals.map(escapeRegExp), ...SECRET_PATTERNS.map((p) => p.source)];
  const combined = new RegExp(alternatives.join("|"), "g");
  return (text) => (text.length === 0 ? text : text.replace(combined, REDACTED));
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
}
