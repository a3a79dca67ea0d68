import { hasLong, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

const AZ_FLAGS = [
  "debug",
  "verbose",
  "only-show-errors",
  "yes",
  "no-wait",
  "help",
  "all",
  "force",
  "purge",
  "enable",
  "disable",
  "no-prompt",
];
const READ =
  /^(list|show|get|exists|query|list-.+|show-.+|get-.+|download|tail|logs|version|account|wait|check-name|validate|what-if|browse)$/;
const DESTRUCTIVE = /^(delete|purge|remove|delete-.+|purge-.+|wipe|reimage)$/;

/** `az <group…> <verb>`; the first verb that matches decides. */
const az: ToolFamily = {
  names: ["az"],
  rule: ({ args }) => {
    const ops = positionals(args, { longFlags: AZ_FLAGS, short: "gnlsou" });
    const path: string[] = [];
    for (const op of ops) {
      path.push(op);
      if (DESTRUCTIVE.test(op))
        return destructive("az.delete", `${code("az", ...path)} deletes cloud resources`);
      if (READ.test(op) && !(op === "account" && /^(set|clear)$/.test(ops[path.length] ?? "")))
        return readOnly("az.read", `${code("az", ...path)} only reads`);
    }
    if (ops.length === 0 || hasLong(args, ["version", "help"]))
      return readOnly("az.read", `${code("az")} prints help`);
    return modifying(
      "az.change",
      `${code("az", ...ops.slice(0, 4))} changes cloud resources or configuration`,
    );
  },
};

/** Azure CLI rules. */
export const azFamilies: readonly ToolFamily[] = [az];
