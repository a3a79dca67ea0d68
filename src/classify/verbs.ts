import { code, destructive, type Hit } from "./hit.js";

/** Words that name a deletion in almost every CLI (`mc rm`, `ceph osd pool delete`, `db.dropDatabase()`). */
const DESTRUCTIVE_VERBS: ReadonlySet<string> = new Set([
  "delete",
  "del",
  "drop",
  "destroy",
  "purge",
  "remove",
  "rm",
  "rmi",
  "rmdir",
  "wipe",
  "wipefs",
  "flush",
  "flushall",
  "flushdb",
  "truncate",
  "erase",
  "shred",
  "nuke",
  "zap",
  "obliterate",
  "uninstall",
  "terminate",
  "deregister",
  "decommission",
  "evict",
  "revoke",
  "format",
  "reset",
  "rollback",
  "force",
  "overwrite",
  "absent",
]);

/** The words inside an argument: split at punctuation and camelCase (`db.dropDatabase()` → db, drop, database). */
function wordsOf(arg: string): string[] {
  return arg
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[^A-Za-z0-9]+/)
    .map((w) => w.toLowerCase())
    .filter((w) => w !== "");
}

/**
 * An unknown command whose words include a destructive verb is treated as destructive: the
 * rules cannot prove otherwise, and `--auto-approve modifying` must not run it unattended.
 */
export function destructiveVerbHit(name: string, args: readonly string[]): Hit | undefined {
  for (const arg of args) {
    const verb = wordsOf(arg).find((w) => DESTRUCTIVE_VERBS.has(w));
    if (verb !== undefined)
      return destructive(
        "command.destructive-verb",
        `${code(name, arg)} is not a command the rules know, and ${code(verb)} names a deletion`,
      );
  }
  return undefined;
}
