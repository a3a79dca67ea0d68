import { decodeNamedCharacterReference } from "decode-named-character-reference";
import { decodeNumericCharacterReference } from "micromark-util-decode-numeric-character-reference";
import type { Event, Token, TokenizeContext } from "micromark-util-types";
import { withListItems } from "./list-items.js";
import type { MarkdownNode, MarkdownNodeType } from "./markdown-node.js";

/** Nodes in which a line ending is text (mdast's `canContainEols`, with GFM's `delete`). */
const CAN_CONTAIN_EOLS: ReadonlySet<MarkdownNodeType> = new Set([
  "emphasis",
  "fragment",
  "heading",
  "paragraph",
  "strong",
  "delete",
]);

/** Tokens that open a node, and its type. */
const OPENS: Readonly<Record<string, MarkdownNodeType>> = {
  autolink: "link",
  atxHeading: "heading",
  blockQuote: "blockquote",
  codeFenced: "code",
  codeIndented: "code",
  codeText: "inlineCode",
  definition: "definition",
  emphasis: "emphasis",
  hardBreakEscape: "break",
  hardBreakTrailing: "break",
  htmlFlow: "html",
  htmlText: "html",
  image: "image",
  link: "link",
  listItem: "listItem",
  listOrdered: "list",
  listUnordered: "list",
  paragraph: "paragraph",
  setextHeading: "heading",
  strong: "strong",
  thematicBreak: "thematicBreak",
  gfmFootnoteCall: "footnoteReference",
  gfmFootnoteDefinition: "footnoteDefinition",
  strikethrough: "delete",
  table: "table",
  tableRow: "tableRow",
  tableData: "tableCell",
  tableHeader: "tableCell",
  yaml: "yaml",
};

/** Tokens whose text is collected apart (a `fragment`) and read when they close. */
const BUFFERS: ReadonlySet<string> = new Set([
  "codeFencedFenceInfo",
  "codeFencedFenceMeta",
  "codeIndented",
  "codeText",
  "definitionDestinationString",
  "definitionLabelString",
  "definitionTitleString",
  "htmlFlow",
  "htmlText",
  "label",
  "referenceString",
  "resourceDestinationString",
  "resourceTitleString",
  "gfmFootnoteCallString",
  "gfmFootnoteDefinitionLabelString",
  "yaml",
]);

/** Tokens that start data in the node they are in (text, or a literal's value). */
const ENTERS_DATA: ReadonlySet<string> = new Set([
  "autolinkEmail",
  "autolinkProtocol",
  "characterEscape",
  "characterReference",
  "codeFlowValue",
  "codeTextData",
  "data",
  "htmlFlowData",
  "htmlTextData",
]);

/** Tokens whose text ends the data they started (an escape's value ends what the escape began). */
const EXITS_DATA: ReadonlySet<string> = new Set([
  "autolinkEmail",
  "autolinkProtocol",
  "characterEscapeValue",
  "codeFlowValue",
  "codeTextData",
  "data",
  "htmlFlowData",
  "htmlTextData",
]);

/** Buffers whose text is thrown away when they close (labels, destinations, titles). */
const DISCARDED: ReadonlySet<string> = new Set([
  "definitionDestinationString",
  "definitionLabelString",
  "definitionTitleString",
  "referenceString",
  "resourceDestinationString",
  "resourceTitleString",
  "gfmFootnoteCallString",
  "gfmFootnoteDefinitionLabelString",
]);

/**
 * Text of a node the way mdast-util-to-string reads it (image alt and HTML included), walked
 * with an explicit stack so that nesting cannot overflow the call stack.
 */
function toText(node: MarkdownNode): string {
  let text = "";
  const pending: MarkdownNode[] = [node];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (next.value !== undefined) text += next.value;
    else if (next.alt) text += next.alt;
    else if (next.children !== undefined)
      for (let index = next.children.length - 1; index >= 0; index--) {
        const child = next.children[index];
        if (child !== undefined) pending.push(child);
      }
  }
  return text;
}

/**
 * Builds the Markdown tree from micromark's events, as mdast-util-from-markdown did for the
 * constructs runbooks use, with the same text in every node: the reader calls no handler per
 * event, copies no context and keeps positions only on blocks and inline code, which made the
 * tree cost more than tokenizing (bench/validate).
 */
class EventCompiler {
  private readonly root: MarkdownNode = { type: "root", children: [] };
  private readonly stack: MarkdownNode[] = [this.root];
  private atHardBreak = false;
  private inSetextText = false;
  private inFencedCode = false;
  private inTable = false;
  private referenceBase: 10 | 16 | undefined;

  compile(events: readonly Event[]): MarkdownNode {
    for (const [kind, token, context] of withListItems(events)) {
      if (kind === "enter") this.enter(token);
      else this.exit(token, context);
    }
    return this.root;
  }

  private get top(): MarkdownNode {
    return this.stack[this.stack.length - 1] ?? this.root;
  }

  private enter(token: Token): void {
    const type: string = token.type;
    const opens = OPENS[type];
    if (opens !== undefined) this.open(opens, token);
    if (BUFFERS.has(type)) this.stack.push({ type: "fragment", children: [] });
    if (ENTERS_DATA.has(type)) this.enterData();
  }

  private open(type: MarkdownNodeType, token: Token): void {
    const node: MarkdownNode = nodeOf(type, token);
    this.top.children?.push(node);
    this.stack.push(node);
    if (type === "table") this.inTable = true;
  }

  private enterData(): void {
    const siblings = this.top.children;
    let tail = siblings?.[siblings.length - 1];
    if (tail?.type !== "text") {
      tail = { type: "text", value: "" };
      siblings?.push(tail);
    }
    this.stack.push(tail);
  }

  private exit(token: Token, context: TokenizeContext): void {
    const type: string = token.type;
    if (EXITS_DATA.has(type)) {
      this.exitData(context.sliceSerialize(token));
      return;
    }
    switch (type) {
      case "lineEnding":
        this.lineEnding(token, context);
        return;
      case "yamlValue":
        this.enterData();
        this.exitData(context.sliceSerialize(token));
        return;
      case "characterReferenceMarkerNumeric":
        this.referenceBase = 10;
        return;
      case "characterReferenceMarkerHexadecimal":
        this.referenceBase = 16;
        return;
      case "characterReferenceValue":
        this.characterReference(context.sliceSerialize(token));
        return;
      case "characterReference":
        this.stack.pop();
        return;
      case "codeFencedFence":
        // The opening fence starts the code's text; the closing one is in it already.
        if (!this.inFencedCode) this.stack.push({ type: "fragment", children: [] });
        this.inFencedCode = true;
        return;
      case "codeFencedFenceInfo": {
        const lang = this.resume();
        this.top.lang = lang;
        return;
      }
      case "codeFencedFenceMeta": {
        const meta = this.resume();
        this.top.meta = meta;
        return;
      }
      case "setextHeadingText":
        this.inSetextText = true;
        return;
      case "hardBreakEscape":
      case "hardBreakTrailing":
        this.atHardBreak = true;
        break;
      case "label":
        this.label();
        return;
      case "taskListCheckValueChecked":
      case "taskListCheckValueUnchecked":
        this.checkItem(type === "taskListCheckValueChecked");
        return;
      case "paragraph":
        this.dropTaskListSpace();
        break;
      default:
        if (DISCARDED.has(type)) {
          this.stack.pop();
          return;
        }
    }
    if (OPENS[type] !== undefined) this.close(type, token);
  }

  /** Closes the node `type` opened, reading its buffered text where it has one. */
  private close(type: string, token: Token): void {
    const value = this.valueOf(type);
    const node = this.stack.pop();
    if (node === undefined) return;
    if (value !== undefined) node.value = value;
    if (node.start !== undefined) node.endLine = token.end.line;
    if (type === "setextHeading") this.inSetextText = false;
    else if (type === "table") this.inTable = false;
    else if (type === "codeFenced") this.inFencedCode = false;
  }

  /** The value of a literal node that closes with `type`, from its buffered text. */
  private valueOf(type: string): string | undefined {
    switch (type) {
      case "codeFenced":
      case "yaml":
        return this.resume().replace(/^(\r?\n|\r)|(\r?\n|\r)$/g, "");
      case "codeIndented":
        return this.resume().replace(/(\r?\n|\r)$/g, "");
      case "codeText": {
        const value = this.resume();
        return this.inTable ? value.replace(/\\([\\|])/g, unescapePipe) : value;
      }
      case "htmlFlow":
      case "htmlText":
        return this.resume();
      default:
        return undefined;
    }
  }

  /** mdast's `resume`: the buffered fragment's text, the fragment taken off the stack. */
  private resume(): string {
    const fragment = this.stack.pop();
    return fragment === undefined ? "" : toText(fragment);
  }

  private exitData(text: string): void {
    const tail = this.stack.pop();
    if (tail !== undefined) tail.value = (tail.value ?? "") + text;
  }

  private lineEnding(token: Token, context: TokenizeContext): void {
    if (this.atHardBreak) {
      // The line ending belongs to the break before it.
      this.atHardBreak = false;
      return;
    }
    if (!this.inSetextText && CAN_CONTAIN_EOLS.has(this.top.type)) {
      this.enterData();
      this.exitData(context.sliceSerialize(token));
    }
  }

  private characterReference(data: string): void {
    const value =
      this.referenceBase === undefined
        ? decodeNamedCharacterReference(data)
        : decodeNumericCharacterReference(data, this.referenceBase);
    this.referenceBase = undefined;
    const tail = this.top;
    tail.value = (tail.value ?? "") + String(value);
  }

  /** A link's label becomes its children; an image's, its `alt` text. */
  private label(): void {
    const fragment = this.stack.pop();
    const node = this.top;
    if (fragment === undefined) return;
    if (node.type === "link") node.children = fragment.children ?? [];
    else node.alt = toText(fragment);
  }

  private checkItem(checked: boolean): void {
    const item = this.stack[this.stack.length - 2];
    if (item?.type === "listItem") item.checked = checked;
  }

  /** GFM task lists: the space after `[x]` is not part of the item's first paragraph. */
  private dropTaskListSpace(): void {
    const paragraph = this.top;
    const item = this.stack[this.stack.length - 2];
    if (item?.type !== "listItem" || item.checked === undefined) return;
    const head = paragraph.children?.[0];
    if (head?.type !== "text") return;
    if (item.children?.find((sibling) => sibling.type === "paragraph") !== paragraph) return;
    head.value = (head.value ?? "").slice(1);
    if (head.value === "") paragraph.children?.shift();
  }
}

/** A new node of `type` for the token that opens it. */
function nodeOf(type: MarkdownNodeType, token: Token): MarkdownNode {
  const start = { line: token.start.line, column: token.start.column };
  switch (type) {
    case "code":
      return { type, lang: null, meta: null, value: "", start };
    case "inlineCode":
      return { type, value: "", start };
    case "list":
      return { type, ordered: (token.type as string) === "listOrdered", children: [], start };
    case "image":
      return { type, alt: null };
    case "html":
    case "yaml":
      return { type, value: "", start };
    case "break":
    case "thematicBreak":
    case "definition":
    case "footnoteReference":
      return { type, start };
    default:
      return { type, children: [], start };
  }
}

/** In a table cell's inline code, `\|` is a pipe (a backslash before anything else stays). */
function unescapePipe(match: string, escaped: string): string {
  return escaped === "|" ? escaped : match;
}

/** Turns micromark's events into the Markdown tree the runbook parser walks. */
export function compileEvents(events: readonly Event[]): MarkdownNode {
  return new EventCompiler().compile(events);
}
