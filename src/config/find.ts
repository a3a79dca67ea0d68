import { stat } from "node:fs/promises";
import path from "node:path";

/** The file name searched for in the working directory and its parents. */
export const CONFIG_FILE_NAME = ".runbook-exec.toml";

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** `.runbook-exec.toml` in `cwd` or the nearest parent directory, or `undefined` if none. */
export async function findConfigFile(cwd: string): Promise<string | undefined> {
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (await isFile(candidate)) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
