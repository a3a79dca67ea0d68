/** A stream the CLI writes to: `process.stdout` or a test's fake. */
export interface OutputStream {
  write(chunk: string): unknown;
  /** True on a terminal; decides colour. */
  readonly isTTY?: boolean | undefined;
}

/** Environment variables, as `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/** Everything the CLI reads from or writes to the outside world; `main` takes nothing else. */
export interface CliIO {
  /** The arguments after the program name (`process.argv.slice(2)`). */
  readonly argv: readonly string[];
  readonly cwd: string;
  readonly env: Env;
  readonly stdout: OutputStream;
  readonly stderr: OutputStream;
  /** For commands that ask the operator (terminal approvals); `validate` never reads it. */
  readonly stdin?: NodeJS.ReadableStream | undefined;
}

/** What a subcommand's action gets: the I/O, and where to leave its exit code. */
export interface CliContext extends CliIO {
  setExitCode(code: number): void;
}
