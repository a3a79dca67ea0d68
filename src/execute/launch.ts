import path from "node:path";
import type { Interpreter } from "../core/runbook.js";

/** How to start one script: program, full argument list, and what goes on stdin. */
export interface Launch {
  readonly file: string;
  readonly args: readonly string[];
  /** The script when it is fed on stdin; `undefined` means stdin is /dev/null. */
  readonly stdin: string | undefined;
}

// Why these flags: `bash -c` runs a multi-line script to the end and reports only the last
// command's status, so a failing `kubectl drain` followed by an `echo done` would "succeed".
// Runbook readers expect a step to stop at the first failing line and a failing command in a
// pipeline to count, so shells get errexit and, where supported, pipefail. Startup files are
// skipped so a step runs the same for every operator (BASH_ENV is removed from the env).
const SHELL_FLAGS: Readonly<Record<string, readonly string[]>> = {
  bash: ["--noprofile", "--norc", "-o", "errexit", "-o", "pipefail"],
  zsh: ["--no-rcs", "-o", "errexit", "-o", "pipefail"],
  // dash (Debian's sh) has no pipefail; POSIX sh gets errexit only.
  sh: ["-e"],
  dash: ["-e"],
};

/** The shell flags added for a program, by its base name; `[]` for non-shells. */
export function shellFlags(program: string): readonly string[] {
  return SHELL_FLAGS[path.basename(program)] ?? [];
}

/**
 * Pure: the exact command line for a script. Long options the configuration already gave
 * (`--norc`) are not repeated, because bash rejects long options after short ones.
 */
export function buildLaunch(interpreter: Interpreter, script: string): Launch {
  const flags = shellFlags(interpreter.program);
  const given = interpreter.args.filter((arg) => !(arg.startsWith("--") && flags.includes(arg)));
  const args = [...flags, ...given];
  return interpreter.scriptVia === "stdin"
    ? { file: interpreter.program, args, stdin: script }
    : { file: interpreter.program, args: [...args, script], stdin: undefined };
}
