import { parseArgs } from "../grammar/parse.js";
import { code, readOnly, type ToolFamily, unknown } from "../hit.js";
import { KNIFE } from "./knife-syntax.js";

/** Subcommand paths that only read from the Chef server (or, with `-z`, the local repository). */
const READS: ReadonlySet<string> = new Set([
  "search",
  "node show",
  "node list",
  "role show",
  "role list",
  "environment show",
  "environment list",
  "vault show",
]);

/**
 * Chef's knife: searches and `show`/`list` views only read; `knife ssh` reaches this rule only
 * when the wrapper table could not read its command; every other subcommand (uploads, edits,
 * deletes, bootstraps, plugins) runs code the rules cannot see.
 */
const knife: ToolFamily = {
  names: ["knife"],
  syntax: { knife: KNIFE },
  rule: ({ args }) => {
    const path = parseArgs(args, KNIFE).path.join(" ");
    if (READS.has(path)) return readOnly("knife.read", `${code("knife", path)} only reads`);
    if (args[0] === "ssh")
      return unknown(
        "knife.ssh",
        `${code("knife ssh")} runs a command on many nodes that the rules cannot read from its options`,
      );
    return unknown("command.runs-code", `${code("knife")} runs code the rules cannot see`);
  },
};

/** Chef's command-line tools. */
export const chefFamilies: readonly ToolFamily[] = [knife];
