import { positionals } from "../args.js";
import { code, destructive, modifying, type ToolFamily } from "../hit.js";

/**
 * `helmfile`: every command renders helmfile.yaml, a template whose `exec` and `readFile`
 * functions run programs and read files, and runs the releases' `prepare` hooks (the docs:
 * only `presync` is skipped for `diff`, `lint` and `template`), so none is a proven read.
 */
const helmfile: ToolFamily = {
  names: ["helmfile"],
  rule: ({ args }) => {
    const verb =
      positionals(args, {
        short: "efl",
        long: [
          "environment",
          "file",
          "selector",
          "state-values-set",
          "state-values-file",
          "namespace",
          "kube-context",
        ],
      })[0] ?? "";
    if (/^(destroy|delete)$/.test(verb))
      return destructive(
        "helmfile.destroy",
        `${code("helmfile", verb)} removes releases and their objects`,
      );
    return modifying(
      "helmfile.runs-program",
      `${code("helmfile", verb)} renders helmfile.yaml (its templates may run programs) and runs its prepare hooks, so it is not a proven read`,
    );
  },
};

/** helmfile rules. */
export const helmfileFamilies: readonly ToolFamily[] = [helmfile];
