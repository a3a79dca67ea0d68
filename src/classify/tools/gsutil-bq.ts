import { parseArgs } from "../grammar/parse.js";
import type { Syntax } from "../grammar/syntax.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { BQ } from "./bq-syntax.js";
import { GSUTIL } from "./gsutil-syntax.js";

/** What a family says about the commands its grammar does not list as reads. */
interface Changes {
  readonly deletes: (verb: string, args: readonly string[]) => boolean;
  readonly deleteText: string;
  readonly changeText: string;
}

/**
 * A tool whose reading commands are its grammar's subcommands. The command word is found the
 * way the tool finds it: after the top-level options the grammar knows, so `gsutil -h ls rm
 * gs://b` is `rm`, and the closed world then holds a read's every word to the grammar.
 */
function commandRule(name: string, grammar: Syntax, changes: Changes): ToolFamily {
  return {
    names: [name],
    syntax: { [name]: grammar },
    rule: ({ args }): Hit => {
      const parsed = parseArgs(args, grammar);
      const read = parsed.path[0];
      if (read !== undefined || parsed.operands.length === 0)
        return readOnly("gcloud.read", `${code(name, read)} only reads`);
      const verb = parsed.operands[0] ?? "";
      if (changes.deletes(verb, args))
        return destructive("gcloud.delete", `${code(name, verb)} ${changes.deleteText}`);
      return modifying("gcloud.change", `${code(name, verb)} ${changes.changeText}`);
    },
  };
}

/** `gsutil`: ls, cat, du, stat, hash and version read; rm and rb (and their aliases) delete. */
const gsutil = commandRule("gsutil", GSUTIL, {
  deletes: (verb, args) =>
    /^(rm|del|delete|remove|rb|deletebucket|removebucket|removebuckets)$/.test(verb) ||
    (verb === "rsync" && args.includes("-d")),
  deleteText: "deletes objects or buckets",
  changeText: "writes objects or settings",
});

/** `bq`: ls, show, head, wait and get-iam-policy read; rm and truncate delete; the rest runs jobs. */
const bq = commandRule("bq", BQ, {
  deletes: (verb) => verb === "rm" || verb === "truncate",
  deleteText: "deletes datasets, tables or rows",
  changeText: "runs a job or changes data",
});

/** Cloud Storage and BigQuery command-line tools. */
export const gsutilBqFamilies: readonly ToolFamily[] = [gsutil, bq];
