import { hasLong, optionValue, positionals } from "../args.js";
import type { ShellWord } from "../../shell/index.js";
import { closedWorldHits } from "../grammar/closed-world.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { GCLOUD_READ, GCLOUD_SSH } from "./gcloud-syntax.js";

const GCLOUD_FLAGS = [
  "quiet",
  "verbosity",
  "help",
  "log-http",
  "async",
  "no-user-output-enabled",
  "user-output-enabled",
  "all",
  "recursive",
  "billing-project",
];
const READ =
  /^(list|describe|get-iam-policy|read|tail|info|version|print-access-token|print-identity-token|get-value|get-server-config|get-ancestors|get|show|cat|ls|du|stat|search|list-.+|describe-.+|get-.+|logs|status|diff|validate|check|explain|query|export-iam-policy|test-iam-permissions|help)$/;
const DESTRUCTIVE =
  /^(delete|delete-.+|rm|rb|purge|destroy|remove|reset|abandon-instances|recreate-instances|clear)$/;

/**
 * The wrapper part of `gcloud compute ssh VM --command '…'`: its flags held to their grammar,
 * and no `--command` text expanded here, which the remote shell would read again as code.
 */
function sshProblems(args: readonly string[], words: readonly ShellWord[]): Hit[] {
  const hits = closedWorldHits("gcloud compute ssh", args, GCLOUD_SSH).filter(
    (h) => !h.ruleId.endsWith("unknown-subcommand"),
  );
  const at = words.findIndex((w) => /^--command(=|$)/.test(w.value));
  const command = words[at]?.value === "--command" ? words[at + 1] : words[at];
  if (command?.dynamic === true)
    hits.push(
      modifying(
        "remote.expanded-script",
        `${code("gcloud compute ssh", command.raw)}: the remote shell reads the expanded text again as shell code, so it may run anything`,
      ),
    );
  return hits;
}

/** `gcloud … <verb>`: the verb is the last word of the command path. */
const gcloud: ToolFamily = {
  names: ["gcloud"],
  rule: ({ args, words, nested }) => {
    const ops = positionals(args, { longFlags: GCLOUD_FLAGS, short: "mp" });
    const remote = ops.includes("ssh") ? optionValue(args, "", ["command"]) : undefined;
    // `gcloud compute ssh vm --command '…'` runs the command on the instance, like `ssh host '…'`.
    if (remote !== undefined) return [...nested.shell(remote), ...sshProblems(args, words)];
    const path: string[] = [];
    for (const op of ops) {
      path.push(op);
      if (DESTRUCTIVE.test(op) && !(op === "reset" && path.includes("config")))
        return destructive("gcloud.delete", `${code("gcloud", ...path)} deletes cloud resources`);
      if (READ.test(op) && op !== "get-credentials") {
        if (path[0] === "config" && (op === "get-value" || op === "list"))
          return readOnly("gcloud.read", `${code("gcloud", ...path)} only reads`);
        if (!(path[0] === "sql" && op === "query"))
          return readOnly("gcloud.read", `${code("gcloud", ...path)} only reads`);
      }
    }
    if (ops.length === 0 || hasLong(args, ["version", "help"]))
      return readOnly("gcloud.read", `${code("gcloud")} prints help`);
    return modifying(
      "gcloud.change",
      `${code("gcloud", ...ops.slice(0, 4))} changes cloud resources or configuration`,
    );
  },
};

/** The Google Cloud CLI (gsutil and bq are in gsutil-bq.ts). */
export const gcloudFamilies: readonly ToolFamily[] = [
  { ...gcloud, syntax: { gcloud: GCLOUD_READ } },
];
