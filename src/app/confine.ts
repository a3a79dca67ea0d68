import { realpath } from "node:fs/promises";
import path from "node:path";
import { RunbookExecError } from "../core/errors.js";

/**
 * Resolves `input` against `root` and returns its real path, refusing anything outside `root`
 * once `..` and every symbolic link are resolved (a link inside the root that points out is
 * outside). `root` must already be a real path. A path that does not exist is refused too: it
 * cannot be checked, and every caller reads an existing file.
 * @throws RunbookExecError (`USAGE`) naming the path and the root.
 */
export async function confinePath(root: string, input: string): Promise<string> {
  if (input.includes("\0")) throw outside(input, root, "it contains a NUL byte");
  const resolved = path.resolve(root, input);
  let real: string;
  try {
    real = await realpath(resolved);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "unknown error";
    throw new RunbookExecError(
      "USAGE",
      `\`${input}\` cannot be read under the root ${root} (${code}); fix: give a path to an existing file relative to the root`,
      { cause: error },
    );
  }
  if (!isInside(root, real)) throw outside(input, root, `it resolves to ${real}`);
  return real;
}

/** True when `candidate` is `root` or below it (both real, absolute paths). */
export function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative === "" || (!relative.startsWith("..") && !path.isAbsolute(relative));
}

function outside(input: string, root: string, why: string): RunbookExecError {
  return new RunbookExecError(
    "USAGE",
    `\`${input}\` is outside the server's root ${root} (${why}); fix: give a path inside the root, or start the server with \`--root\` covering it`,
  );
}
