import { constants } from "node:fs";
import { access, mkdir, stat } from "node:fs/promises";
import path from "node:path";
import type { Config } from "../config/types.js";
import { RunbookExecError } from "../core/errors.js";
import type { Command } from "../core/runbook.js";
import type { PlannedStep } from "../plan/plan.js";

/** Shells that run POSIX shell text; `default_shell` runs fences without a language. */
const POSIX_SHELLS = new Set(["bash", "sh", "zsh", "dash", "ksh", "mksh", "ash", "busybox"]);
/** Fence languages that `default_shell` runs (see `parse/interpreters.ts`). */
const DEFAULT_SHELL_LANGUAGES = new Set(["", "shell", "console", "shell-session", "shellsession"]);

/** What {@link preflight} checks. */
export interface PreflightInput {
  readonly steps: readonly PlannedStep[];
  readonly config: Config;
  /** The runbook's directory: the steps' working directory unless `working_directory` is set. */
  readonly runbookDir: string;
  /** The parent environment; `PATH` finds the programs. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `--dry-run`: nothing executes, so programs and the working directory are not checked. */
  readonly dryRun: boolean;
}

function configError(message: string): RunbookExecError {
  return new RunbookExecError("CONFIG_INVALID", message);
}

/**
 * Checks, before step 1, what would otherwise fail or hang mid-run: `default_shell` is a POSIX
 * shell, every program a selected step launches exists, `working_directory` is a directory,
 * and the audit log directory can be created. Throws the first problem (exit 2), naming the key
 * or flag and the fix. Creates the audit log directory as a side effect (the run would anyway).
 */
export async function preflight(input: PreflightInput): Promise<void> {
  const { config } = input;
  const running = input.steps.filter((planned) => planned.disposition === "run");
  const commands = running.flatMap((planned) => planned.step.commands);
  if (!input.dryRun) {
    await checkWorkingDirectory(config);
    await checkPrograms(commands, input, config.workingDirectory ?? input.runbookDir);
  }
  if (commands.some(usesDefaultShell) && !POSIX_SHELLS.has(path.basename(config.defaultShell))) {
    throw configError(
      `\`default_shell = "${config.defaultShell}"\` is not a POSIX shell, but it would run shell text (fences without a language, \`shell\`, \`console\`); fix: set \`default_shell\` to "bash", "sh" or "zsh"`,
    );
  }
  await ensureWritableDirectory(config.auditLogDir);
}

function usesDefaultShell(command: Command): boolean {
  return DEFAULT_SHELL_LANGUAGES.has(command.language);
}

async function checkWorkingDirectory(config: Config): Promise<void> {
  const dir = config.workingDirectory;
  if (dir === undefined) return;
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory() === true) return;
  throw configError(
    `\`working_directory = "${dir}"\` ${info === undefined ? "does not exist" : "is not a directory"}; fix: create it, or set \`working_directory\` to an existing directory (or remove it to run in the runbook's directory)`,
  );
}

/** The key that chose a command's program, for the message. */
function sourceOf(command: Command, config: Config): string {
  if (config.interpreters[command.language] !== undefined)
    return `\`interpreters.${command.language === "" ? '""' : command.language}\``;
  if (usesDefaultShell(command)) return `\`default_shell = "${config.defaultShell}"\``;
  return `the \`${command.language}\` fence`;
}

async function checkPrograms(
  commands: readonly Command[],
  { config, env }: PreflightInput,
  cwd: string,
): Promise<void> {
  const checked = new Set<string>();
  for (const command of commands) {
    const program = command.interpreter.program;
    if (checked.has(program)) continue;
    checked.add(program);
    if (await isExecutable(program, env["PATH"] ?? "", cwd)) continue;
    const where = program.includes("/") ? "no executable file there" : "not found on PATH";
    throw new RunbookExecError(
      "CONFIG_INVALID",
      `${sourceOf(command, config)} runs \`${program}\` (line ${command.line}), which is not installed (${where}); fix: install it, or change the setting to a program that exists`,
    );
  }
}

async function isExecutable(program: string, searchPath: string, cwd: string): Promise<boolean> {
  const candidates = program.includes("/")
    ? [path.resolve(cwd, program)]
    : searchPath
        .split(path.delimiter)
        .filter((dir) => dir !== "")
        .map((dir) => path.join(dir, program));
  for (const candidate of candidates) {
    const info = await stat(candidate).catch(() => undefined);
    if (info?.isFile() !== true) continue;
    if (
      await access(candidate, constants.X_OK).then(
        () => true,
        () => false,
      )
    )
      return true;
  }
  return false;
}

/**
 * Creates `dir` one level at a time and checks it is writable. Node's recursive `mkdir` loops
 * forever under `/proc`; creating each missing ancestor ourselves is bounded by the path's depth.
 */
async function ensureWritableDirectory(dir: string): Promise<void> {
  const absolute = path.resolve(dir);
  const missing: string[] = [];
  let current = absolute;
  for (;;) {
    const info = await stat(current).catch(() => undefined);
    if (info !== undefined) {
      if (!info.isDirectory()) throw auditDirError(dir, `\`${current}\` is not a directory`);
      break;
    }
    const parent = path.dirname(current);
    if (parent === current) break;
    missing.unshift(current);
    current = parent;
  }
  for (const level of missing) {
    try {
      await mkdir(level);
    } catch (error) {
      const code = error instanceof Error && "code" in error ? String(error.code) : "an error";
      if (code !== "EEXIST") throw auditDirError(dir, `cannot create \`${level}\` (${code})`);
    }
  }
  const writable = await access(absolute, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!writable) throw auditDirError(dir, "it is not writable");
}

function auditDirError(dir: string, why: string): RunbookExecError {
  return new RunbookExecError(
    "AUDIT_WRITE_FAILED",
    `the audit log directory \`${dir}\` (\`--audit-log-dir\` / \`audit_log_dir\`) cannot be used: ${why}; fix: pass \`--audit-log-dir\` a directory you can write to`,
  );
}
