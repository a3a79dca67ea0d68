import { parseArgs } from "../grammar/parse.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";
import { AZ } from "./az-syntax.js";

/**
 * Verbs that only read. Not `download` (writes a local file), `browse` (opens a browser),
 * `get-credentials` (writes a kubeconfig) or `login`.
 */
const READ =
  /^(list|show|get|exists|query|list-.+|show-.+|get-(?!credentials$).+|tail|logs|version|wait|check-name|validate|what-if)$/;
const DESTRUCTIVE = /^(delete|purge|remove|delete-.+|purge-.+|wipe|reimage)$/;

/** `az <group…> <verb>`: the first verb of the command path that matches decides. */
const az: ToolFamily = {
  names: ["az"],
  syntax: { az: AZ },
  rule: ({ args }) => {
    // `--param @file`: the CLI reads the file's content as the value.
    const fromFile = args.find((a) => a.startsWith("@"));
    if (fromFile !== undefined)
      return modifying(
        "az.file-value",
        `${code("az", fromFile)} reads a local file into the request, so the command is not a proven read`,
      );
    const ops = parseArgs(args, AZ).operands;
    const path: string[] = [];
    for (const op of ops) {
      path.push(op);
      if (/^download(-batch)?$/.test(op))
        return modifying("az.download", `${code("az", ...path)} writes files on this machine`);
      if (DESTRUCTIVE.test(op))
        return destructive("az.delete", `${code("az", ...path)} deletes cloud resources`);
      if (READ.test(op)) return readOnly("az.read", `${code("az", ...path)} only reads`);
    }
    if (ops.length === 0) return readOnly("az.read", `${code("az")} prints help`);
    return modifying(
      "az.change",
      `${code("az", ...ops.slice(0, 4))} changes cloud resources or configuration`,
    );
  },
};

/** Azure CLI rules. */
export const azFamilies: readonly ToolFamily[] = [az];
