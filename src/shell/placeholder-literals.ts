import type { PlaceholderContext, PlaceholderUse } from "../core/runbook.js";

/** `'…'` with every `'` written as `'\''`: one word, nothing expanded. */
function singleQuoted(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

const LITERAL: Readonly<Record<PlaceholderContext, (value: string) => string>> = {
  unquoted: singleQuoted,
  double_quoted: (value) => `"${singleQuoted(value)}"`,
  single_quoted: (value) => `'${singleQuoted(value)}'`,
  ansi_c_quoted: (value) => `'${singleQuoted(value)}$'`,
  heredoc: (value) => value.replace(/[\\$`]/g, "\\$&"),
};

/**
 * The rewritten script with each bound reference replaced by its value as literal text, quoted
 * for its context: what the step does with these values, for the classifier to read (so that
 * `git log <REF>` with `REF=--output=/etc/x` is judged as the write it is). Never executed.
 */
export function withLiteralValues(
  script: string,
  placeholders: readonly PlaceholderUse[],
  values: Readonly<Record<string, string>>,
): string {
  let out = "";
  let from = 0;
  for (const use of placeholders) {
    const value = values[use.name];
    if (use.binding.kind !== "bound" || value === undefined) continue;
    out += script.slice(from, use.binding.start) + LITERAL[use.binding.context](value);
    from = use.binding.end;
  }
  return out + script.slice(from);
}
