import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";

/** Writes a report to `--output FILE` (relative to `cwd`), creating its directory. */
export async function writeOutputFile(file: string, text: string, cwd: string): Promise<void> {
  const target = path.resolve(cwd, file);
  try {
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text);
  } catch (cause) {
    const reason = (cause as NodeJS.ErrnoException).code ?? "write failed";
    throw new RunbookExecError(
      "USAGE",
      `cannot write the --output file (${reason}); fix: choose a writable path`,
      {
        file,
        cause,
      },
    );
  }
}
