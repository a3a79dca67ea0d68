import { parseArgs } from "../grammar/parse.js";
import type { Syntax } from "../grammar/syntax.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { BQ } from "./bq-syntax.js";
import { GSUTIL } from "./gsutil-syntax.js";

/**
 * The command word as the tool reads it: the grammar's subcommand when it is a read, else the
 * first operand after the top-level options (so `gsutil -h ls rm gs://b` is `rm`).
 */
function commandOf(args: readonly string[], grammar: Syntax): { verb: string; read: boolean } {
  const parsed = parseArgs(args, grammar);
  const read = parsed.path[0];
  return read === undefined
    ? { verb: parsed.operands[0] ?? "", read: false }
    : { verb: read, read: true };
}

/** `gsutil`: ls, cat, du, stat, hash and version read (their grammar holds every word); rm and rb delete. */
const gsutil: ToolFamily = {
  names: ["gsutil"],
  syntax: { gsutil: GSUTIL },
  rule: ({ args }): Hit => {
    const { verb, read } = commandOf(args, GSUTIL);
    if (read || verb === "") return readOnly("gcloud.read", `${code("gsutil", verb)} only reads`);
    if (
      /^(rm|del|delete|remove|rb|deletebucket|removebucket|removebuckets)$/.test(verb) ||
      (verb === "rsync" && args.includes("-d"))
    )
      return destructive("gcloud.delete", `${code("gsutil", verb)} deletes objects or buckets`);
    return modifying("gcloud.change", `${code("gsutil", verb)} writes objects or settings`);
  },
};

/** `bq`: ls, show, head, wait and get-iam-policy read; rm deletes; anything else runs a job or changes data. */
const bq: ToolFamily = {
  names: ["bq"],
  syntax: { bq: BQ },
  rule: ({ args }): Hit => {
    const { verb, read } = commandOf(args, BQ);
    if (read || verb === "") return readOnly("gcloud.read", `${code("bq", verb)} only reads`);
    if (verb === "rm" || verb === "truncate")
      return destructive("gcloud.delete", `${code("bq", verb)} deletes datasets, tables or rows`);
    return modifying("gcloud.change", `${code("bq", verb)} runs a job or changes data`);
  },
};

/** Cloud Storage and BigQuery command-line tools. */
export const gsutilBqFamilies: readonly ToolFamily[] = [gsutil, bq];
