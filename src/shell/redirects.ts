import type { Node } from "web-tree-sitter";
import type { ShellHeredoc, ShellRedirect, ShellWord } from "./types.js";
import { stagesOf } from "./syntax.js";
import { type Offset, positionOf, wordOf } from "./words.js";

const REDIRECT_KIND: Readonly<Record<string, ShellRedirect["kind"]>> = {
  ">": "write",
  ">|": "write",
  "&>": "write",
  ">>": "append",
  "&>>": "append",
  "<": "read",
  ">&-": "duplicate",
  "<&-": "duplicate",
};

/**
 * Parse one redirect node into `out`. Commands inside its words are collected in
 * `out.nested` to be walked later; a pipeline hung off a heredoc (`cat <<EOF | psql`) goes
 * to `out.continuation`.
 */
export function parseRedirect(
  r: Node,
  offset: Offset,
  redirects: ShellRedirect[],
  heredocs: ShellHeredoc[],
  continuation: Node[],
  nested: Node[],
): void {
  const fdNode = r.childForFieldName("descriptor");
  const fd = fdNode === null ? undefined : Number(fdNode.text);
  const at = positionOf(r, offset);
  let operator = "";
  let target: ShellWord | undefined;
  let delimiter: string | undefined;
  let body: Node | undefined;
  for (const child of r.children) {
    if (child === null) continue;
    if (!child.isNamed) {
      if (operator === "" && child.type !== "|") operator = child.type;
      continue;
    }
    switch (child.type) {
      case "file_descriptor":
        break;
      case "heredoc_start":
        delimiter = child.text;
        break;
      case "heredoc_body":
        body = child;
        break;
      case "heredoc_end":
        break;
      case "file_redirect":
      case "herestring_redirect":
        parseRedirect(child, offset, redirects, heredocs, continuation, nested);
        break;
      case "pipeline":
        continuation.push(...stagesOf(child));
        break;
      case "list":
      case "command":
      case "redirected_statement":
        continuation.push(child);
        break;
      default:
        target = wordOf(child, offset);
        nested.push(child);
    }
  }
  if (r.type === "heredoc_redirect") {
    const quoted = delimiter !== undefined && /['"\\]/.test(delimiter);
    let text = body?.text ?? "";
    if (operator === "<<-") text = text.replace(/^\t+/gm, "");
    if (body !== undefined) nested.push(body);
    heredocs.push({
      body: text,
      delimiter: (delimiter ?? "").replace(/['"\\]/g, ""),
      expands: !quoted,
      ...at,
    });
    redirects.push({ operator, kind: "heredoc", fd, target: undefined, ...at });
    return;
  }
  if (r.type === "herestring_redirect") {
    redirects.push({ operator: "<<<", kind: "herestring", fd, target, ...at });
    return;
  }
  const duplicate =
    (operator === ">&" || operator === "<&") &&
    (target === undefined || /^(\d+|-)$/.test(target.value));
  const kind = duplicate
    ? "duplicate"
    : (REDIRECT_KIND[operator] ?? (operator.startsWith("<") ? "read" : "write"));
  redirects.push({ operator, kind, fd, target, ...at });
}
