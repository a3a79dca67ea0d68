import { stat } from "node:fs/promises";
import path from "node:path";

/** The file name searched for in the working directory and its parents. */
export const CONFIG_FILE_NAME = ".runbook-exec.toml";

async function exists(file: string, kind: "file" | "any"): Promise<boolean> {
  try {
    const info = await stat(file);
    return kind === "any" || info.isFile();
  } catch {
    return false;
  }
}

/** Where the upward search stops: it looks no higher than these. */
export interface SearchBounds {
  /** The user's home directory, when known: searched last. */
  readonly home: string | undefined;
}

/**
 * `.runbook-exec.toml` in `cwd` or a parent, or `undefined`. The search stops at the
 * repository root (the nearest directory holding `.git`) or the home directory, whichever it
 * meets first, after looking there: a file in a directory above them (a shared `/tmp` tree, a
 * parent of an untrusted checkout) is never picked up.
 */
export async function findConfigFile(
  cwd: string,
  bounds: SearchBounds = { home: undefined },
): Promise<string | undefined> {
  const home = bounds.home === undefined ? undefined : path.resolve(bounds.home);
  let dir = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(dir, CONFIG_FILE_NAME);
    if (await exists(candidate, "file")) return candidate;
    if (dir === home || (await exists(path.join(dir, ".git"), "any"))) return undefined;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
