import type { PlaceholderUse } from "../core/runbook.js";
/**
 * The rewritten script with each bound reference replaced by its value as literal text, quoted
 * for its context: what the step does with these values, for the classifier to read (so that
 * `git log <REF>` with `REF=--output=/etc/x` is judged as the write it is). Never executed.
 */
export declare function withLiteralValues(script: string, placeholders: readonly PlaceholderUse[], values: Readonly<Record<string, string>>): string;
