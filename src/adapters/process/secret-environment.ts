import { closeSync, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { TOOL_SECRET_ENV_NAMES } from "../../redact/secret-env.js";

const TOOL_SECRETS: ReadonlySet<string> = new Set(TOOL_SECRET_ENV_NAMES);

/**
 * Variables that belong to runbook-exec and to no step: its own secrets, and the inputs the
 * Actions runner passes to an action as `INPUT_*` (tokens among them).
 */
export function isToolOwnedEnvName(name: string): boolean {
  return TOOL_SECRETS.has(name) || name.startsWith("INPUT_");
}

/**
 * Takes the tool's own variables out of this process's environment and returns a copy of the
 * whole environment for the tool to read from memory. Afterwards no child started without an
 * explicit environment can inherit them, and their bytes are erased from the block the kernel
 * shows as `/proc/<pid>/environ`, which deleting a variable alone does not change (a process of
 * the same user could read them there, safety invariant 10).
 */
export function withdrawToolSecrets(
  env: NodeJS.ProcessEnv = process.env,
): Readonly<Record<string, string | undefined>> {
  const snapshot = { ...env };
  const names = Object.keys(env).filter(isToolOwnedEnvName);
  for (const name of names) Reflect.deleteProperty(env, name);
  if (names.length > 0 && env === process.env) eraseFromEnvironBlock(names);
  return snapshot;
}

/**
 * Overwrites `NAME=value` entries of this process's initial environment block with NUL bytes,
 * through /proc/self/mem (Linux; fields 50 and 51 of /proc/self/stat bound the block). Does
 * nothing where that is not possible: the other layers still hold.
 */
export function eraseFromEnvironBlock(names: readonly string[]): boolean {
  let fd: number | undefined;
  try {
    const stat = readFileSync("/proc/self/stat", "latin1");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state), so env_start (field 50) is fields[47].
    const start = Number(fields[47]);
    const end = Number(fields[48]);
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || end <= start) return false;
    fd = openSync("/proc/self/mem", "r+");
    const block = Buffer.alloc(end - start);
    readSync(fd, block, 0, block.length, start);
    let offset = 0;
    while (offset < block.length) {
      const next = block.indexOf(0, offset);
      const stop = next === -1 ? block.length : next;
      const entry = block.toString("latin1", offset, stop);
      const name = entry.slice(0, entry.indexOf("="));
      if (entry.includes("=") && names.includes(name) && stop > offset)
        writeSync(fd, Buffer.alloc(stop - offset), 0, stop - offset, start + offset);
      offset = stop + 1;
    }
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
