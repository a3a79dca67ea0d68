import type { Env, TextSink } from "../../core/io.js";

/** Everything the CLI reads from or writes to the outside world; `main` takes nothing else. */
export interface CliIO {
  /** The arguments after the program name (`process.argv.slice(2)`). */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Env;
  readonly stdout: TextSink;
  readonly stderr: TextSink;
  /** For commands that ask the operator (terminal approvals); `validate` never reads it. */
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

/** What a subcommand's action gets: the I/O, and where to leave its exit code. */
export interface CliContext extends CliIO {
  setExitCode(code: number): void;
}
