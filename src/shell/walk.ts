import type { Node } from "web-tree-sitter";
import type {
  CommandContext,
  ShellAssignment,
  ShellHeredoc,
  ShellPosition,
  ShellRedirect,
  ShellWord,
} from "./types.js";
import { parseRedirect } from "./redirects.js";
import { stagesOf } from "./syntax.js";
import { type Offset, positionOf, wordOf } from "./words.js";

/** A simple command as written, before wrappers are unwrapped. */
export interface RawCommand extends ShellPosition {
  readonly words: readonly ShellWord[];
  readonly assignments: readonly ShellAssignment[];
  readonly redirects: readonly ShellRedirect[];
  readonly heredocs: readonly ShellHeredoc[];
  readonly contexts: readonly CommandContext[];
  readonly pipe: { readonly id: number; readonly position: number } | undefined;
  readonly text: string;
}

/** Receives commands in source order and hands out pipeline ids. */
export interface WalkSink {
  command(raw: RawCommand): void;
  newPipeline(length: number): number;
  /** The walk stopped descending here: the script nests deeper than {@link MAX_NESTING}. */
  tooDeep(at: ShellPosition): void;
}

/** Syntax nesting the walker follows; deeper scripts (`$($($(…)))` × 1000) are cut off, not a stack overflow. */
export const MAX_NESTING = 500;

interface Ctx {
  readonly contexts: readonly CommandContext[];
  readonly redirects: readonly ShellRedirect[];
  readonly heredocs: readonly ShellHeredoc[];
  readonly pipe: RawCommand["pipe"];
}

const CONTEXT_OF: Readonly<Record<string, CommandContext>> = {
  subshell: "subshell",
  compound_statement: "group",
  for_statement: "loop",
  c_style_for_statement: "loop",
  while_statement: "loop",
  if_statement: "condition",
  case_statement: "case",
  function_definition: "function",
  negated_command: "negated",
};

/** Walks one parsed script; `offset` maps inner-script positions to the outer script. */
export class Walker {
  constructor(
    private readonly sink: WalkSink,
    private readonly offset: Offset,
  ) {}

  walkProgram(root: Node, contexts: readonly CommandContext[]): void {
    this.walk(root, { contexts, redirects: [], heredocs: [], pipe: undefined });
  }

  private depth = 0;

  private walk(node: Node, ctx: Ctx): void {
    if (this.depth >= MAX_NESTING) {
      this.sink.tooDeep(positionOf(node, this.offset));
      return;
    }
    this.depth++;
    try {
      this.dispatch(node, ctx);
    } finally {
      this.depth--;
    }
  }

  private dispatch(node: Node, ctx: Ctx): void {
    switch (node.type) {
      case "command":
        this.command(node, ctx);
        return;
      case "declaration_command":
      case "unset_command":
        this.declaration(node, ctx);
        return;
      case "variable_assignment":
      case "variable_assignments":
        this.assignments(node, ctx);
        return;
      case "redirected_statement":
        this.redirected(node, ctx);
        return;
      case "test_command":
        this.test(node, ctx);
        return;
      case "pipeline":
        this.pipeline(stagesOf(node), ctx);
        return;
      case "command_substitution":
      case "process_substitution":
        this.children(node, {
          contexts: [...ctx.contexts, node.type],
          redirects: [],
          heredocs: [],
          pipe: undefined,
        });
        return;
      default: {
        const context = CONTEXT_OF[node.type];
        this.children(
          node,
          context === undefined ? ctx : { ...ctx, contexts: [...ctx.contexts, context] },
        );
      }
    }
  }

  /**
   * Walk named children; a statement followed by `&` runs in the background. The children are
   * read in one call into WebAssembly (`node.children`), not one or two per index.
   */
  private children(node: Node, ctx: Ctx): void {
    const children = node.children;
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      if (child === null || child === undefined || !child.isNamed) continue;
      const next = children[i + 1];
      const background = next !== null && next !== undefined && !next.isNamed && next.type === "&";
      this.walk(child, background ? { ...ctx, contexts: [...ctx.contexts, "background"] } : ctx);
    }
  }

  private pipeline(stages: readonly Node[], ctx: Ctx): void {
    const id = this.sink.newPipeline(stages.length);
    stages.forEach((stage, position) => this.walk(stage, { ...ctx, pipe: { id, position } }));
  }

  private redirected(node: Node, ctx: Ctx): void {
    const redirects: ShellRedirect[] = [];
    const heredocs: ShellHeredoc[] = [];
    const continuation: Node[] = [];
    const nested: Node[] = [];
    for (const r of node.childrenForFieldName("redirect")) {
      if (r === null) continue;
      parseRedirect(r, this.offset, redirects, heredocs, continuation, nested);
    }
    const inner: Ctx = {
      ...ctx,
      redirects: [...ctx.redirects, ...redirects],
      heredocs: [...ctx.heredocs, ...heredocs],
    };
    const body = node.childForFieldName("body");
    if (continuation.length > 0 && body !== null) {
      // `cat <<EOF | psql`: tree-sitter hangs the rest of the pipeline off the heredoc.
      const id = this.sink.newPipeline(continuation.length + 1);
      this.walk(body, { ...inner, pipe: { id, position: 0 } });
      continuation.forEach((stage, i) =>
        this.walk(stage, { ...ctx, pipe: { id, position: i + 1 } }),
      );
    } else if (body !== null) {
      this.walk(body, inner);
    } else {
      // A bare redirect (`> file`) still truncates its target: record it as a command without words.
      this.sink.command({ ...this.segment(inner, positionOf(node, this.offset)), text: node.text });
    }
    for (const n of nested) this.walk(n, { ...ctx, redirects: [], heredocs: [], pipe: undefined });
  }

  private command(node: Node, ctx: Ctx): void {
    let current = this.segment(ctx, positionOf(node, this.offset));
    const segments = [current];
    const nested: Node[] = [];
    for (const child of node.children) {
      if (child === null || !child.isNamed) continue;
      switch (child.type) {
        case "command_name": {
          const inner = child.firstNamedChild ?? child;
          current.words.push(wordOf(inner, this.offset));
          nested.push(inner);
          break;
        }
        case "variable_assignment":
          current.assignments.push(this.assignment(child, nested));
          break;
        case "file_redirect":
        case "herestring_redirect":
        case "heredoc_redirect":
          parseRedirect(child, this.offset, current.redirects, current.heredocs, nested, nested);
          break;
        case "word":
          if (child.text.startsWith("\n")) {
            // tree-sitter-bash reads `ls\n\\rm x` as one command; split it where bash does.
            const word = wordOf(child, this.offset);
            const at = { line: word.line + 1, column: 1 };
            current = this.segment(ctx, at);
            segments.push(current);
            current.words.push({
              ...word,
              ...at,
              value: word.value.slice(1),
              raw: word.raw.slice(1),
            });
            break;
          }
          current.words.push(wordOf(child, this.offset));
          break;
        default:
          current.words.push(wordOf(child, this.offset));
          nested.push(child);
      }
    }
    const text = node.text;
    for (const seg of segments)
      this.sink.command({
        ...seg,
        text: segments.length === 1 ? text : seg.words.map((w) => w.raw).join(" "),
      });
    const sub: Ctx = { contexts: ctx.contexts, redirects: [], heredocs: [], pipe: undefined };
    for (const n of nested) this.walk(n, sub);
  }

  /**
   * `[[ -v 'a[$(…)]' ]]`: recorded as a command named `[[` whose words are the expression's
   * operands and operators, so rules see arguments that bash evaluates as code.
   */
  private test(node: Node, ctx: Ctx): void {
    const seg = this.segment(ctx, positionOf(node, this.offset));
    const open = node.child(0);
    if (open !== null) seg.words.push(wordOf(open, this.offset));
    const operands = (n: Node): void => {
      for (const child of n.children) {
        if (child === null) continue;
        if (/_expression$/.test(child.type)) operands(child);
        else if (child.isNamed || child.type === "!" || child.type.startsWith("-"))
          seg.words.push(wordOf(child, this.offset));
      }
    };
    for (const child of node.namedChildren) if (child !== null) operands(child);
    this.sink.command({ ...seg, text: node.text });
    this.children(node, { contexts: ctx.contexts, redirects: [], heredocs: [], pipe: undefined });
  }

  /** `export A=1 B`, `local -r x`, `unset -f f`: recorded as commands named by the keyword. */
  private declaration(node: Node, ctx: Ctx): void {
    const seg = this.segment(ctx, positionOf(node, this.offset));
    const nested: Node[] = [];
    const keyword = node.child(0);
    if (keyword !== null) seg.words.push(wordOf(keyword, this.offset));
    for (const child of node.namedChildren) {
      if (child === null) continue;
      if (child.type === "variable_assignment") {
        const a = this.assignment(child, nested);
        const value = a.value;
        const at = positionOf(child, this.offset);
        seg.words.push({
          value: `${a.name}=${value?.value ?? ""}`,
          raw: child.text,
          dynamic: value?.dynamic === true,
          quoted: value?.quoted === true,
          ...at,
        });
      } else {
        seg.words.push(wordOf(child, this.offset));
        nested.push(child);
      }
    }
    this.sink.command({ ...seg, text: node.text });
    const sub: Ctx = { contexts: ctx.contexts, redirects: [], heredocs: [], pipe: undefined };
    for (const n of nested) this.walk(n, sub);
  }

  /** `A=1 B=2` on their own: a command without words, so rules see the assignments. */
  private assignments(node: Node, ctx: Ctx): void {
    const seg = this.segment(ctx, positionOf(node, this.offset));
    const nested: Node[] = [];
    const list = node.type === "variable_assignment" ? [node] : node.namedChildren;
    for (const child of list)
      if (child?.type === "variable_assignment")
        seg.assignments.push(this.assignment(child, nested));
    this.sink.command({ ...seg, text: node.text });
    const sub: Ctx = { contexts: ctx.contexts, redirects: [], heredocs: [], pipe: undefined };
    for (const n of nested) this.walk(n, sub);
  }

  private assignment(node: Node, nested: Node[]): ShellAssignment {
    const nameNode = node.childForFieldName("name");
    // `a[$(cmd)]=1`: the subscript runs too.
    if (nameNode?.type === "subscript") nested.push(nameNode);
    const name = nameNode?.text ?? "";
    const value = node.childForFieldName("value");
    if (value !== null) nested.push(value);
    return { name, value: value === null ? undefined : wordOf(value, this.offset) };
  }

  private segment(ctx: Ctx, at: ShellPosition): Segment {
    return {
      words: [],
      assignments: [],
      redirects: [...ctx.redirects],
      heredocs: [...ctx.heredocs],
      contexts: ctx.contexts,
      pipe: ctx.pipe,
      ...at,
    };
  }
}

interface Segment extends ShellPosition {
  words: ShellWord[];
  assignments: ShellAssignment[];
  redirects: ShellRedirect[];
  heredocs: ShellHeredoc[];
  contexts: readonly CommandContext[];
  pipe: RawCommand["pipe"];
}
