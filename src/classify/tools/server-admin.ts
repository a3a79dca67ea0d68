import { parseArgs } from "../grammar/parse.js";
import { code, readOnly, type ToolFamily, unknown } from "../hit.js";
import type { Syntax } from "../grammar/syntax.js";
import { PRAEFECT, SUPERVISORCTL, WAL_G } from "./server-admin-syntax.js";

/** Each tool's grammar and the subcommands of it that only report. */
const TOOLS: Readonly<
  Record<string, { readonly syntax: Syntax; readonly reads: readonly string[] }>
> = {
  "wal-g": { syntax: WAL_G, reads: ["backup-list"] },
  praefect: {
    syntax: PRAEFECT,
    reads: ["dataloss", "list-storages", "dial-nodes", "sql-ping", "sql-migrate-status", "check"],
  },
  supervisorctl: { syntax: SUPERVISORCTL, reads: ["status", "avail", "pid", "version"] },
};

/**
 * Admin command lines of server software (a backup tool, a Gitaly cluster's proxy, a process
 * supervisor): the subcommands that list or report only read; any other one (fetch, push,
 * delete, reconcile, start, stop, an interactive shell) changes what it manages.
 */
const serverAdmin: ToolFamily = {
  names: Object.keys(TOOLS),
  syntax: Object.fromEntries(Object.entries(TOOLS).map(([name, tool]) => [name, tool.syntax])),
  rule: ({ name, args }) => {
    const tool = TOOLS[name];
    if (tool === undefined)
      return unknown("admin.change", `${code(name)} is not a tool the rules know`);
    const parsed = parseArgs(args, tool.syntax);
    const verb = parsed.path[0];
    if (verb !== undefined && tool.reads.includes(verb))
      return readOnly("admin.read", `${code(name, verb)} only reports`);
    const written = parsed.problems.find((p) => p.kind === "unknown-subcommand")?.word;
    return unknown(
      "admin.change",
      written === undefined
        ? `${code(name)} without a reporting subcommand may change what it manages or wait for input`
        : `${code(name, written)} is not a subcommand the rules know to only report`,
    );
  },
};

/** Server software's admin tools. */
export const serverAdminFamilies: readonly ToolFamily[] = [serverAdmin];
