import type { Interpreter } from "../core/runbook.js";

/** Options that decide how fence languages map to programs. */
export interface InterpreterOptions {
  /** Shell for `shell`, `console`, `shell-session` and fences without a language. */
  readonly defaultShell: string;
  /** Configured language → command line, e.g. `sql = "psql -X -f -"`; wins over built-ins. */
  readonly interpreters: Readonly<Record<string, string>>;
}

const SHELLS = new Set(["bash", "sh", "zsh"]);
const DEFAULT_SHELL_LANGUAGES = new Set(["", "shell", "console", "shell-session", "shellsession"]);
const TRANSCRIPT_LANGUAGES = new Set(["console", "shell-session", "shellsession"]);

const BUILT_IN: Readonly<Record<string, Interpreter>> = {
  python: { program: "python3", args: ["-c"], scriptVia: "argument" },
  py: { program: "python3", args: ["-c"], scriptVia: "argument" },
  python3: { program: "python3", args: ["-c"], scriptVia: "argument" },
  pwsh: {
    program: "pwsh",
    args: ["-NoProfile", "-NonInteractive", "-Command"],
    scriptVia: "argument",
  },
  powershell: {
    program: "pwsh",
    args: ["-NoProfile", "-NonInteractive", "-Command"],
    scriptVia: "argument",
  },
  cmd: { program: "cmd.exe", args: ["/d", "/s", "/c"], scriptVia: "argument" },
  bat: { program: "cmd.exe", args: ["/d", "/s", "/c"], scriptVia: "argument" },
};

/** The placeholder in a configured command line where the script goes as one argument. */
export const SCRIPT_PLACEHOLDER = "{script}";

/** True for `console` / `shell-session` transcripts, whose prompts are stripped. */
export function isTranscriptLanguage(language: string): boolean {
  return TRANSCRIPT_LANGUAGES.has(language);
}

/**
 * The interpreter for a fence language, or `undefined` when the language is context only
 * (`text`, `json`, `yaml`, `sql` without a configured client, …) and never runs.
 */
export function interpreterFor(
  language: string,
  options: InterpreterOptions,
): Interpreter | undefined {
  const configured = options.interpreters[language];
  if (configured !== undefined) return fromCommandLine(configured);
  if (SHELLS.has(language)) return shell(language);
  if (DEFAULT_SHELL_LANGUAGES.has(language)) return shell(options.defaultShell);
  return BUILT_IN[language];
}

function shell(program: string): Interpreter {
  return { program, args: ["-c"], scriptVia: "argument" };
}

/** `psql -X -f -` → script on stdin; `mysql -e {script}` → script as that argument. */
function fromCommandLine(commandLine: string): Interpreter {
  const [program = "", ...args] = commandLine.trim().split(/\s+/);
  const placeholder = args.indexOf(SCRIPT_PLACEHOLDER);
  if (placeholder === -1) return { program, args, scriptVia: "stdin" };
  return { program, args: args.slice(0, placeholder), scriptVia: "argument" };
}
