import { hasAny, hasLong, positionals } from "../args.js";
import { TERRAFORM } from "./terraform-syntax.js";
import { code, destructive, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";

const READ =
  /^(plan|show|validate|output|providers|version|graph|console|help|metadata|graph-dependencies|output-module-groups|info|validate-inputs)$/;

/** `terraform`/`tofu`: plan and show read; apply changes; destroy destroys. */
const terraform: ToolFamily = {
  names: ["terraform", "tofu"],
  rule: ({ name, args }) => {
    const ops = positionals(args, {
      short: "",
      long: [
        "var",
        "var-file",
        "target",
        "state",
        "out",
        "chdir",
        "lock-timeout",
        "parallelism",
        "backend-config",
        "replace",
      ],
    }).filter((o) => !o.startsWith("-chdir"));
    const verb = ops[0] === "run-all" || ops[0] === "run" ? (ops[1] ?? "") : (ops[0] ?? "");
    const sub = ops[0] === "run-all" ? ops[2] : ops[1];
    if (verb === "") return readOnly("terraform.read", `${code(name)} prints help`);
    if (verb === "destroy" || hasAny(args, ["-destroy", "--destroy"]))
      return destructive(
        "terraform.destroy",
        `${code(name, "destroy")} deletes managed infrastructure`,
      );
    if (verb === "state") {
      if (sub === "list" || sub === "show" || sub === "pull")
        return readOnly("terraform.read", `${code(name, "state", sub)} only reads state`);
      if (sub === "rm")
        return destructive(
          "terraform.state-rm",
          `${code(name, "state rm")} forgets resources so they are no longer managed`,
        );
      return modifying("terraform.state", `${code(name, "state", sub)} changes state`);
    }
    if (verb === "workspace") {
      if (sub === "list" || sub === "show")
        return readOnly("terraform.read", `${code(name, "workspace", sub)} only reads`);
      if (sub === "delete")
        return destructive(
          "terraform.workspace-delete",
          `${code(name, "workspace delete")} deletes a workspace's state`,
        );
      return modifying("terraform.workspace", `${code(name, "workspace", sub)} changes workspaces`);
    }
    if (verb === "fmt")
      return hasAny(args, ["-check", "--check"]) || hasLong(args, ["check"])
        ? readOnly("terraform.read", `${code(name, "fmt -check")} only checks formatting`)
        : modifying("terraform.fmt", `${code(name, "fmt")} rewrites files`);
    if (READ.test(verb)) return readOnly("terraform.read", `${code(name, verb)} only reads`);
    if (
      /^(apply|up|import|taint|untaint|refresh|init|get|render-json|force-unlock|login|logout|deploy|providers-lock|update|hclfmt|config|new|cancel)$/.test(
        verb,
      )
    )
      return modifying(
        `terraform.${verb === "up" || verb === "deploy" ? "apply" : verb}`,
        `${code(name, verb)} changes infrastructure, state or the working directory`,
      );
    return unknown(
      "terraform.unknown",
      `${code(name, verb)} is not a ${name} command the rules know`,
    );
  },
};

/**
 * Terragrunt runs `run_cmd()` calls from `terragrunt.hcl` while it parses it and the
 * configured before/after hooks around any command; cdktf synthesises the project's app (runs
 * its program) first. Neither command is a proven read, whatever it asks Terraform to do.
 */
const programRunners: ToolFamily = {
  names: ["terragrunt", "cdktf"],
  rule: (input) => {
    const result = terraform.rule(input);
    return ("risk" in result ? [result] : result).map((hit) =>
      hit.risk === "read_only"
        ? modifying(
            "terraform.runs-program",
            input.name === "cdktf"
              ? `${code("cdktf")} runs the project's app to synthesise it, so no command of it is a proven read`
              : `${code("terragrunt")} runs \`run_cmd\` calls and hooks from terragrunt.hcl, so no command of it is a proven read`,
          )
        : hit,
    );
  },
};

/** Terraform, OpenTofu, Terragrunt and cdktf. */
export const terraformFamilies: readonly ToolFamily[] = [
  { ...terraform, syntax: { terraform: TERRAFORM, tofu: TERRAFORM } },
  programRunners,
];
