import type { LintCommand, SourcePosition } from "./types.js";

/**
 * Shapes of a line that a program printed, which no one names a command after: an `ls -l`
 * line (`drwxr-xr-x 2 root …`), its `total 24K`, a number, address or timestamp (`0 0/2 * * *`
 * of a crontab, `10.0.0.1`, `2019-06-15`), a `Label:` (`WARNING: …`, `Environment: _default`)
 * an upper-case column header (`NAME   READY   STATUS`) and a list item (`- host-1`).
 */
const OUTPUT_LINE: readonly RegExp[] = [
  /^[-dlcbpsD][rwxsStT-]{9}[.+@]?\s+\d/,
  /^total\s+\d+(?:[.,]\d+)?[KMGTP]?\s*$/,
  /^\d[\d.:/_-]*(?:\s|$)/,
  /^[A-Za-z][\w.-]*:(?:\s|$)/,
  /^[A-Z][A-Z0-9_-]+(?: {2,}|\t)[A-Z][A-Z0-9_-]/,
  /^- \S/,
];

/** A line of a shell fence that looks like pasted output, and whether a command came before it. */
export interface PastedOutput {
  readonly at: SourcePosition;
  readonly text: string;
  readonly afterCommand: boolean;
}

/**
 * Pure: the first command the shell would run from a fence that is really output pasted
 * without prompts (under the command that printed it, or alone). Only the commands the shell
 * parses are looked at, so heredoc bodies and quoted text never count; a fence that does not
 * parse is RB011's.
 */
export function pastedOutput({ command, shell, at }: LintCommand): PastedOutput | undefined {
  if (shell === undefined || shell.syntaxError !== undefined) return undefined;
  const lines = command.script.split("\n");
  const written = shell.commands.filter((c) => c.depth === 0);
  for (const [index, found] of written.entries()) {
    const text = (lines[found.line - 1] ?? "").slice(found.column - 1).trimEnd();
    if (!OUTPUT_LINE.some((shape) => shape.test(text))) continue;
    return {
      at: at({ line: found.line, column: found.column }),
      text,
      afterCommand: written.slice(0, index).some((c) => c.line < found.line),
    };
  }
  return undefined;
}
