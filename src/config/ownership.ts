import { statSync } from "node:fs";

/**
 * Why a configuration file found by the search must not be read, or `undefined` when it may:
 * like ssh and git, a file another user owns, or one others may write, could have been planted
 * (a shared `/tmp` tree, a checkout someone else controls). Where uids do not exist (Windows),
 * only the write bits count.
 */
export function unsafeOwnership(file: string): string | undefined {
  let info: { uid: number; mode: number };
  try {
    info = statSync(file);
  } catch {
    return undefined; // vanished: reading it reports the error
  }
  const uid = process.getuid?.();
  if (uid !== undefined && info.uid !== uid)
    return `it is owned by uid ${info.uid}, not by you (uid ${uid})`;
  if ((info.mode & 0o022) !== 0)
    return `others may write to it (mode ${(info.mode & 0o777).toString(8)}); fix: chmod go-w`;
  return undefined;
}
