import path from "node:path";
import { fileURLToPath } from "node:url";
import { main } from "../../../src/faces/cli/main.js";

/** `__tests__/fixtures/cli/`. */
export const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "cli",
);

/** A stream that remembers what was written; `isTTY` as given. */
export class FakeStream {
  readonly chunks: string[] = [];
  constructor(readonly isTTY = false) {}
  write(chunk: string | Uint8Array): boolean {
    this.chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    return true;
  }
  get text(): string {
    return this.chunks.join("");
  }
}

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdout?: { write(chunk: string | Uint8Array): unknown; readonly isTTY?: boolean };
  readonly tty?: boolean;
}

/** Calls `main()` in-process with fake streams, from `fixtures/cli` unless told otherwise. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const stdout = new FakeStream(options.tty ?? false);
  const stderr = new FakeStream(false);
  const code = await main({
    argv,
    cwd: options.cwd ?? FIXTURES,
    env: options.env ?? {},
    stdout: options.stdout ?? stdout,
    stderr,
  });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
