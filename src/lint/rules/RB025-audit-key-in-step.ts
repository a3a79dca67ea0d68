import path from "node:path";
import picomatch from "picomatch";
import { AUDIT_KEY_ENV } from "../../redact/secret-env.js";
import type { ShellPosition, ShellWord } from "../../shell/types.js";
import { stepLabel } from "../step-label.js";
import type { LintCommand, LintRule, RuleReport } from "../types.js";

/** Names that point a step at the key whatever the file is called: the variable, the setting. */
const KEY_NAMES = [AUDIT_KEY_ENV, "audit_key_file"] as const;
const GLOB = /[*?[]/;

/** What a step must not name: the key's variable and setting always, its file when configured. */
interface Needles {
  /** `RUNBOOK_EXEC_AUDIT_KEY`, `audit_key_file`: matched anywhere, in any case. */
  readonly names: readonly string[];
  /** The key file's absolute path, split into components; empty when none is configured. */
  readonly file: readonly string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The first needle on a line of script text, with its 1-based column and what it names. */
function textHit(line: string, needles: Needles): { column: number; what: string } | undefined {
  const lower = line.toLowerCase();
  for (const name of needles.names) {
    const at = lower.indexOf(name.toLowerCase());
    if (at !== -1) return { column: at + 1, what: `\`${name}\`` };
  }
  const base = needles.file.at(-1);
  if (base === undefined) return undefined;
  // The file name as a whole path component: `…/audit.key`, `audit.key`, `"$HOME"/x/audit.key`.
  const component = new RegExp(`(?:^|[^\\w.-])${escapeRegExp(base)}(?![\\w.-])`);
  const match = component.exec(line);
  if (match === null) return undefined;
  return { column: match.index + match[0].length - base.length + 1, what: "the audit key file" };
}

/**
 * A shell word that names the key file after quote removal (`aud""it.key`) or as a glob that
 * matches it (`/etc/rbx/*`, `~/.config/rbx/au?it.key`, `rbx/*.key`). A relative or `~` word is
 * held against as many trailing components of the key's path as it has. A bare one-component
 * glob (`*.key`) is left alone: it names files of the step's own directory, and would flag
 * every `ls *.log` of a key called `audit.log`.
 */
function wordNamesFile(word: ShellWord, file: readonly string[]): boolean {
  if (file.length === 0 || word.dynamic) return false;
  const value = word.value.replace(/^~(?=\/)/, "");
  const parts = value.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.length === 0 || parts.length > file.length) return false;
  const anchored = value.startsWith("/") && !word.value.startsWith("~");
  const target = (anchored ? file : file.slice(file.length - parts.length)).join("/");
  const candidate = parts.join("/");
  if (!GLOB.test(candidate)) return candidate === target;
  if (!anchored && parts.length === 1 && !word.value.startsWith("~")) return false;
  return picomatch(candidate, { dot: true })(target);
}

/** Every word of a command, its redirect targets and assignment values. */
function wordsOf(lint: LintCommand): ShellWord[] {
  return (lint.shell?.commands ?? []).flatMap((command) => [
    ...command.words,
    ...command.redirects.flatMap((redirect) => (redirect.target ? [redirect.target] : [])),
    ...command.assignments.flatMap((assignment) => (assignment.value ? [assignment.value] : [])),
  ]);
}

function report(lint: LintCommand, at: ShellPosition, what: string): RuleReport {
  return {
    ...at,
    message: `Unexpected ${what} in ${stepLabel(lint.step)}, expected no step to touch the audit log's HMAC key; a step that can read it can forge records that \`replay\` accepts`,
    fix: "Remove it from the step; keep the key in `audit_key_file` (mode 600) read only by runbook-exec, and never pass `RUNBOOK_EXEC_AUDIT_KEY` on with `pass_env`",
  };
}

/** RB025: a step that names the audit key, its variable, its setting or its file. */
export const auditKeyInStep: LintRule = {
  id: "RB025",
  alias: "audit-key-in-step",
  description:
    "A step names the audit log's HMAC key (`audit_key_file`, its file, `RUNBOOK_EXEC_AUDIT_KEY`): it could forge the log.",
  defaultSeverity: "error",
  check({ commands, auditKeyFile }) {
    const needles: Needles = {
      names: KEY_NAMES,
      file:
        auditKeyFile === undefined
          ? []
          : path
              .resolve(auditKeyFile)
              .split("/")
              .filter((part) => part !== ""),
    };
    const reports: RuleReport[] = [];
    for (const lint of commands) {
      const written = lint.command.writtenScript ?? lint.command.script;
      const lines = new Set<number>();
      for (const [row, text] of written.split("\n").entries()) {
        const hit = textHit(text, needles);
        if (hit === undefined) continue;
        const at = lint.atWritten({ line: row + 1, column: hit.column });
        lines.add(row + 1);
        reports.push(report(lint, at, hit.what));
      }
      // Without a configured key file no word can name it: skip collecting them.
      if (needles.file.length === 0) continue;
      for (const word of wordsOf(lint)) {
        if (lines.has(word.line) || !wordNamesFile(word, needles.file)) continue;
        lines.add(word.line);
        reports.push(report(lint, lint.at(word), `\`${word.raw}\`, the audit key file,`));
      }
    }
    return reports;
  },
};
