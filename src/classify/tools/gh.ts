import { hasShort, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

/** `gh` (GitHub CLI): list/view/status read; delete/close destroy or change; api by method. */
const gh: ToolFamily = {
  names: ["gh", "glab"],
  rule: ({ name, args }) => {
    const ops = positionals(args, {
      short: "RXfFHqL",
      long: [
        "repo",
        "method",
        "field",
        "raw-field",
        "header",
        "jq",
        "template",
        "limit",
        "json",
        "state",
        "label",
        "author",
        "hostname",
      ],
    });
    const verb = ops[1] ?? ops[0] ?? "";
    if (ops[0] === "api") {
      const method = (
        args.find((a, i) => args[i - 1] === "-X" || args[i - 1] === "--method") ??
        (hasShort(args, "fF") ? "POST" : "GET")
      ).toUpperCase();
      if (method === "DELETE")
        return destructive("gh.api-delete", `${code(name, "api -X DELETE")} deletes a resource`);
      return method === "GET"
        ? readOnly("gh.read", `${code(name, "api")} GET only reads`)
        : modifying("gh.api-write", `${code(name, "api -X", method)} changes a resource`);
    }
    if (
      /^(list|ls|view|status|diff|checks|watch|download|search|browse|version|auth)$/.test(verb) ||
      /^(status|search|browse|version|help)$/.test(ops[0] ?? "")
    )
      return readOnly("gh.read", `${code(name, ops[0], verb)} only reads`);
    if (/^(delete|remove)$/.test(verb))
      return destructive("gh.delete", `${code(name, ops[0], verb)} deletes a resource`);
    return modifying(
      "gh.change",
      `${code(name, ops[0], verb)} changes a repository or its issues, pull requests or releases`,
    );
  },
};

/** GitHub and GitLab CLIs. */
export const ghFamilies: readonly ToolFamily[] = [gh];
