import type { Node, Parser } from "web-tree-sitter";
import { checkParameterName } from "../core/parameter-names.js";
import { arithmeticSites } from "./placeholder-arithmetic.js";
import type { PlaceholderContext, PlaceholderUse, UnbindableReason } from "../core/runbook.js";
import {
  findPlaceholders,
  placeholderParameterName,
  type Placeholder,
} from "./placeholder-text.js";

/** A script with its placeholders turned into references to environment variables. */
export interface RewrittenScript {
  readonly script: string;
  readonly placeholders: readonly PlaceholderUse[];
}

/** What a placeholder maps to: a parameter name, spelled as declared when it was declared. */
export type NameFor = (canonical: string) => string;

interface Site {
  readonly text: string;
  readonly name: string;
  readonly line: number;
  readonly column: number;
  /** UTF-16 offsets in the written script. */
  readonly start: number;
  readonly end: number;
  readonly context: PlaceholderContext | UnbindableReason;
}

/**
 * Rewrites a shell script's placeholders (`<POD_NAME>`, `{{ cluster }}`, `YOUR_REGION`…) into
 * quoted references to environment variables, fitted to where each one stands as the shell
 * parser reads the script: `"${X}"` unquoted, `${X}` inside double quotes or an unquoted
 * heredoc, `'"${X}"'` inside single quotes. The value then reaches the command as one word of
 * data and never becomes script text (safety invariant 12). A `<` that the shell really reads
 * as a redirection (`sort < in.txt`, `<<EOF`, `3<file`) is left alone; so is a placeholder in a
 * comment. Placeholders that cannot carry a value safely (in a quoted heredoc, in arithmetic,
 * or mapping to a denied name such as `PATH`) stay as written and are reported unbindable.
 */
export function rewritePlaceholders(
  parser: Parser,
  script: string,
  nameFor: NameFor = (name) => name,
): RewrittenScript {
  const candidates = findPlaceholders(script);
  if (candidates.length === 0) return { script, placeholders: [] };
  const sites = findSites(parser, script, candidates, nameFor);
  // A reference that lands in arithmetic (`$(( <N> + 1 ))`, `[[ <A> -eq 1 ]]`) would have its
  // value evaluated as code; it is only visible once the placeholder is a real expansion.
  for (let round = 0; round < sites.length; round++) {
    const rewritten = applyReferences(script, sites);
    const arithmetic = arithmeticSites(parser, rewritten);
    if (arithmetic.size === 0) return rewritten;
    for (const [index, site] of sites.entries())
      if (arithmetic.has(site.start)) sites[index] = { ...site, context: "arithmetic" };
  }
  return applyReferences(script, sites);
}

/**
 * The candidates the shell parser confirms, with their quoting context. One placeholder can
 * hide the next from the parser (`show <role> <values>` reads as `> <values`, a syntax error),
 * so it looks again with every confirmed placeholder replaced by a plain word of the same
 * length (offsets stay valid) until no new one is confirmed.
 */
function findSites(
  parser: Parser,
  script: string,
  candidates: readonly Placeholder[],
  nameFor: NameFor,
): Site[] {
  const lineStarts = lineStartsOf(script);
  const pending = candidates.map((found) => {
    const start = (lineStarts[found.line - 1] ?? 0) + found.column - 1;
    return { found, start, end: start + found.text.length };
  });
  const sites: Site[] = [];
  let probe = script;
  for (let confirmed = true; confirmed && pending.length > 0;) {
    confirmed = false;
    const tree = parser.parse(probe);
    if (tree === null) break;
    for (let index = 0; index < pending.length; index++) {
      const candidate = pending[index];
      if (candidate === undefined) continue;
      const { found, start, end } = candidate;
      const context = contextOf(tree.rootNode, found.text, start, end);
      if (context === "not_placeholder") continue;
      const name = nameFor(placeholderParameterName(found.text));
      const verdict = checkParameterName(name).kind;
      const nameProblem: UnbindableReason | undefined =
        verdict === "denied" ? "denied_name" : verdict === "invalid" ? "invalid_name" : undefined;
      sites.push({ ...found, name, start, end, context: nameProblem ?? context });
      probe = probe.slice(0, start) + "_".repeat(end - start) + probe.slice(end);
      pending.splice(index--, 1);
      confirmed = true;
    }
    tree.delete();
  }
  return sites.sort((a, b) => a.start - b.start);
}

const REFERENCE: Readonly<Record<PlaceholderContext, (name: string) => string>> = {
  unquoted: (name) => `"\${${name}}"`,
  double_quoted: (name) => `\${${name}}`,
  heredoc: (name) => `\${${name}}`,
  single_quoted: (name) => `'"\${${name}}"'`,
  ansi_c_quoted: (name) => `'"\${${name}}"$'`,
};

function isBindable(context: Site["context"]): context is PlaceholderContext {
  return Object.hasOwn(REFERENCE, context);
}

function applyReferences(script: string, sites: readonly Site[]): RewrittenScript {
  let out = "";
  let from = 0;
  const placeholders: PlaceholderUse[] = [];
  for (const site of sites) {
    const base = { text: site.text, name: site.name, line: site.line, column: site.column };
    if (!isBindable(site.context)) {
      placeholders.push({ ...base, binding: { kind: "unbindable", reason: site.context } });
      continue;
    }
    out += script.slice(from, site.start);
    let context = site.context;
    let writtenStart = site.start;
    from = site.end;
    // `'<X>'` (the whole single-quoted word): drop the now empty quotes, `"${X}"` alone.
    if (context === "single_quoted" && out.endsWith("'") && script[site.end] === "'") {
      out = out.slice(0, -1);
      writtenStart -= 1;
      from += 1;
      context = "unquoted";
    }
    const reference = REFERENCE[context](site.name);
    placeholders.push({
      ...base,
      binding: {
        kind: "bound",
        context,
        start: out.length,
        end: out.length + reference.length,
        writtenStart,
        writtenEnd: from,
      },
    });
    out += reference;
  }
  return { script: out + script.slice(from), placeholders };
}

/**
 * The placeholder's quoting context, `"not_placeholder"` when the shell reads the text as
 * something else (a real redirection, a variable name, a comment), or why it cannot be bound.
 */
function contextOf(
  root: Node,
  text: string,
  start: number,
  end: number,
): PlaceholderContext | UnbindableReason | "not_placeholder" {
  const leaf = root.descendantForIndex(start, start + 1);
  if (leaf === null) return "not_placeholder";
  for (let node: Node | null = leaf; node !== null; node = node.parent) {
    switch (node.type) {
      case "comment":
      case "variable_name":
        return "not_placeholder";
      case "arithmetic_expansion":
      case "subscript":
      case "c_style_for_statement":
        return "arithmetic";
      case "compound_statement":
        if (node.text.startsWith("((")) return "arithmetic";
        break;
      case "heredoc_body":
        return heredocIsQuoted(node) ? "quoted_heredoc" : "heredoc";
      case "raw_string":
        return "single_quoted";
      case "ansi_c_string":
        return "ansi_c_quoted";
      case "string":
      case "translated_string":
        return "double_quoted";
      case "command_substitution":
      case "program":
        return isUnquotedPlaceholder(root, leaf, text, start, end) ? "unquoted" : "not_placeholder";
      default:
        break;
    }
  }
  return "not_placeholder";
}

/**
 * Outside quotes `<NAME>` is two redirections to bash; it is a placeholder only when the `<`
 * is a plain input redirection (no descriptor number, not `<<`, `<&`, `<(`) whose target is
 * the placeholder's first word, and the closing `>` is a redirection operator of its own.
 */
function isUnquotedPlaceholder(
  root: Node,
  leaf: Node,
  text: string,
  start: number,
  end: number,
): boolean {
  if (!text.startsWith("<")) return true;
  // Inside `[[ … ]]`, `<` and `>` compare strings: `[[ <N> -gt 3 ]]` is a placeholder too.
  if (leaf.type === "<" && leaf.startIndex === start && hasAncestor(leaf, "test_command"))
    return true;
  const redirect = leaf.parent;
  if (leaf.type !== "<" || leaf.startIndex !== start || redirect?.type !== "file_redirect")
    return false;
  if (redirect.children.some((child) => child?.type === "file_descriptor")) return false;
  const closing = root.descendantForIndex(end - 1, end);
  return closing !== null && closing.startIndex === end - 1 && closing.type.startsWith(">");
}

function hasAncestor(node: Node, type: string): boolean {
  for (let up = node.parent; up !== null; up = up.parent) if (up.type === type) return true;
  return false;
}

function heredocIsQuoted(body: Node): boolean {
  const start = body.parent?.children.find((child) => child?.type === "heredoc_start");
  return start === undefined || start === null || /['"\\]/.test(start.text);
}

function lineStartsOf(script: string): number[] {
  const starts = [0];
  for (let index = script.indexOf("\n"); index !== -1; index = script.indexOf("\n", index + 1))
    starts.push(index + 1);
  return starts;
}
