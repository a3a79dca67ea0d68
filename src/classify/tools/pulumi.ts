import { parseArgs } from "../grammar/parse.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";
import { PULUMI } from "./pulumi-syntax.js";

/**
 * `pulumi`: the state reads its grammar knows (`stack ls|output|history`, `whoami`) read;
 * `preview` and `about` run the project's program or its language tooling; `destroy` and
 * `stack rm` delete; anything else changes infrastructure, state or configuration.
 */
const pulumi: ToolFamily = {
  names: ["pulumi"],
  syntax: { pulumi: PULUMI },
  rule: ({ args }) => {
    const parsed = parseArgs(args, PULUMI);
    const other = parsed.problems.find((p) => p.kind === "unknown-subcommand")?.word;
    const path = [...parsed.path, other];
    if (other === undefined)
      return readOnly("pulumi.read", `${code("pulumi", ...path)} only reads`);
    if (other === "preview" || other === "about")
      return modifying(
        "pulumi.runs-program",
        `${code("pulumi", other)} runs the project's program or its language tooling, so it is not a proven read`,
      );
    if (other === "destroy" || (parsed.path[0] === "stack" && other === "rm"))
      return destructive(
        "pulumi.destroy",
        `${code("pulumi", ...path)} deletes managed infrastructure or a stack's state`,
      );
    return modifying(
      "pulumi.change",
      `${code("pulumi", ...path)} changes infrastructure, state or configuration`,
    );
  },
};

/** Pulumi rules. */
export const pulumiFamilies: readonly ToolFamily[] = [pulumi];
