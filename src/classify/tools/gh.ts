import { allValues, hasOption, lastValue, type ParsedArgs, parseArgs } from "../grammar/parse.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { GH, GLAB } from "./gh-syntax.js";

/** Request headers that only choose the answer's shape, never what the request does. */
const READ_HEADER = /^\s*(accept|x-github-api-version)\s*:/i;

/**
 * `gh api` / `glab api`: the documented default method is GET, and POST once any `-f`/`-F`
 * field or `--input` body is added; `-X GET` sends the fields as a query string instead.
 */
function api(name: string, parsed: ParsedArgs): Hit | Hit[] {
  const body = ["field", "raw-field", "input"].some((o) => hasOption(parsed, o));
  const method = (lastValue(parsed, "method") ?? (body ? "POST" : "GET")).toUpperCase();
  if (method === "DELETE")
    return destructive("gh.api-delete", `${code(name, "api -X DELETE")} deletes a resource`);
  if (method !== "GET" && method !== "HEAD")
    return modifying(
      "gh.api-write",
      body && lastValue(parsed, "method") === undefined
        ? `${code(name, "api")} with a field or body sends a POST, which may change a resource`
        : `${code(name, "api -X", method)} changes a resource`,
    );
  const hits: Hit[] = [];
  for (const field of allValues(parsed, "field"))
    if (/^[^=]*=@/.test(field))
      hits.push(
        modifying(
          "gh.api-file",
          `${code(name, "api -F", field)} reads a local file into the request`,
        ),
      );
  for (const header of allValues(parsed, "header"))
    if (!READ_HEADER.test(header))
      hits.push(
        modifying(
          "gh.api-header",
          `${code(name, "api -H", header)} sends a header the rules do not know to be safe for a read`,
        ),
      );
  return hits.length > 0 ? hits : readOnly("gh.read", `${code(name, "api")} GET only reads`);
}

/**
 * `gh`/`glab`: a command path the grammar knows (every one of them reads) is a read; `api` by
 * its method; any other subcommand changes something, and delete/remove destroys.
 */
const gh: ToolFamily = {
  names: ["gh", "glab"],
  syntax: { gh: GH, glab: GLAB },
  rule: ({ name, args }) => {
    const parsed = parseArgs(args, name === "gh" ? GH : GLAB);
    if (parsed.path[0] === "api") return api(name, parsed);
    const other = parsed.problems.find((p) => p.kind === "unknown-subcommand")?.word;
    const path = [...parsed.path, other];
    if (other === undefined) return readOnly("gh.read", `${code(name, ...path)} only reads`);
    if (/^(delete|remove)$/.test(other))
      return destructive("gh.delete", `${code(name, ...path)} deletes a resource`);
    return modifying(
      "gh.change",
      `${code(name, ...path)} may change a repository, its issues, pull requests or releases, or run an extension`,
    );
  },
};

/** GitHub and GitLab CLIs. */
export const ghFamilies: readonly ToolFamily[] = [gh];
