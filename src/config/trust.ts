import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The user's own configuration directory, `$XDG_CONFIG_HOME/runbook-exec` or
 * `$HOME/.config/runbook-exec`; `undefined` when the environment names neither.
 */
export function userConfigDir(env: Env): string | undefined {
  const xdg = env["XDG_CONFIG_HOME"];
  if (xdg !== undefined && path.isAbsolute(xdg)) return path.join(xdg, "runbook-exec");
  const home = env["HOME"];
  if (home !== undefined && path.isAbsolute(home))
    return path.join(home, ".config", "runbook-exec");
  return undefined;
}

/** The user's own config file, read with full trust. */
export const USER_CONFIG_FILE = "config.toml";
/** Where `runbook-exec trust` records what the user trusted. */
const TRUST_FILE = "trusted";

/** sha256 (hex) of a file's exact bytes. */
export function contentHash(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** One trusted file: its real path and the hash of the content the user read. */
export interface TrustEntry {
  readonly file: string;
  readonly sha256: string;
}

function storePath(env: Env): string | undefined {
  const dir = userConfigDir(env);
  return dir === undefined ? undefined : path.join(dir, TRUST_FILE);
}

function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function readEntries(env: Env): TrustEntry[] {
  const store = storePath(env);
  if (store === undefined) return [];
  let text: string;
  try {
    text = readFileSync(store, "utf8");
  } catch {
    return [];
  }
  return text.split("\n").flatMap((line) => {
    const match = /^([0-9a-f]{64}) (.+)$/.exec(line);
    return match?.[1] === undefined || match[2] === undefined
      ? []
      : [{ sha256: match[1], file: match[2] }];
  });
}

/** True when the user trusted exactly this content at this path (`runbook-exec trust`). */
export function isTrusted(file: string, bytes: Uint8Array, env: Env): boolean {
  const entry = { file: realPath(file), sha256: contentHash(bytes) };
  return readEntries(env).some((e) => e.file === entry.file && e.sha256 === entry.sha256);
}

/**
 * Records `file`'s current content as trusted, replacing what was trusted at that path before
 * (so an old content is trusted no more). Returns the entry, or `undefined` when the
 * environment names no configuration directory.
 */
export function trustFile(file: string, bytes: Uint8Array, env: Env): TrustEntry | undefined {
  const store = storePath(env);
  if (store === undefined) return undefined;
  const entry = { file: realPath(file), sha256: contentHash(bytes) };
  const kept = readEntries(env).filter((e) => e.file !== entry.file);
  mkdirSync(path.dirname(store), { recursive: true, mode: 0o700 });
  const lines = [...kept, entry].map((e) => `${e.sha256} ${e.file}\n`).join("");
  writeFileSync(store, lines, { mode: 0o600 });
  return entry;
}
