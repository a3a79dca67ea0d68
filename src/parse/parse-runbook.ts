import path from "node:path";
import type { CodeBlock, Command, IgnoredList, Runbook, Step, StepMode } from "../core/runbook.js";
import { parseFenceInfo, scriptForm, stripConsolePrompts } from "./fence.js";
import { parseFrontMatter } from "./front-matter.js";
import { interpreterFor, isTranscriptLanguage, type InterpreterOptions } from "./interpreters.js";
import { checkInputLimits, type InputLimit } from "./limits.js";
import { markdownTree, normaliseText } from "./markdown.js";
import type { MarkdownNode } from "./markdown-node.js";
import { attributeFacts, fenceStep, type FenceDraft } from "./fence-steps.js";
import { plainText } from "./plain-text.js";
import type { RunbookSource } from "./read.js";

/** Script fences that authors also fill with pasted terminal sessions (design rule 11). */
const SESSION_LANGUAGES: ReadonlySet<string> = new Set(["bash", "sh", "shell", "zsh"]);

/** Parser options; they come from the configuration. */
export interface ParseOptions extends InterpreterOptions {
  /** Treat a step's first inline code span as its command when it has no fence. */
  readonly inlineCodeCommands: boolean;
  /** `fences`: without numbered steps, every executable fence is a step (front matter `steps:` wins). */
  readonly stepMode?: StepMode;
}

interface StepDraft {
  readonly item: MarkdownNode;
  readonly index: number;
  readonly section: string;
  readonly commands: Command[];
}

interface WalkState {
  section: string;
  title: string | undefined;
  readonly steps: StepDraft[];
  readonly codeBlocks: CodeBlock[];
  readonly strayFences: FenceDraft[];
  readonly ignoredLists: IgnoredList[];
  readonly lines: readonly string[];
  readonly options: ParseOptions;
}

interface Scope {
  /** Index of the step whose subtree we are in. */
  readonly step: number | undefined;
  /** Inside a bullet item that is not part of any step. */
  readonly inBullet: boolean;
}

/** Parses a runbook's text into steps, commands and everything lint needs. Pure. */
export function parseRunbook(source: RunbookSource, options: ParseOptions): Runbook {
  const text = normaliseText(source.text);
  const lines = text.split("\n");
  const limit = source.oversize ?? checkInputLimits(text);
  if (limit !== undefined) return unparsed(source, lines, limit);
  const tree = markdownTree(text);
  const state: WalkState = {
    section: "",
    title: undefined,
    steps: [],
    codeBlocks: [],
    strayFences: [],
    ignoredLists: [],
    lines,
    options,
  };
  walkChildren(tree, { step: undefined, inBullet: false }, state);

  const front = frontMatterOf(tree);
  const mode = front.value?.stepMode ?? options.stepMode ?? "numbered";
  const fromFences = mode === "fences" && state.steps.length === 0;
  const steps = fromFences
    ? state.strayFences.map((draft, offset) => fenceStep(draft, offset + 1))
    : state.steps.map((draft) => finishStep(draft, options));
  const fenceSteps = new Map(steps.map((step) => [step.line, step.index]));
  const codeBlocks = fromFences
    ? state.codeBlocks.map((block) =>
        block.executable && fenceSteps.has(block.line)
          ? { ...block, stepIndex: fenceSteps.get(block.line) }
          : block,
      )
    : state.codeBlocks;
  return {
    path: source.path,
    title: front.value?.title ?? state.title ?? fileStem(source.path),
    sha256: source.sha256,
    frontMatter: front.value,
    frontMatterError: front.error,
    steps,
    stepMode: fromFences ? "fences" : "numbered",
    codeBlocks,
    ignoredLists: state.ignoredLists,
    lines,
    inputLimit: undefined,
  };
}

/** A runbook that crosses an input limit: no steps, only the reason (reported by RB022). */
function unparsed(source: RunbookSource, lines: readonly string[], limit: InputLimit): Runbook {
  return {
    path: source.path,
    title: fileStem(source.path),
    sha256: source.sha256,
    frontMatter: undefined,
    frontMatterError: undefined,
    steps: [],
    codeBlocks: [],
    ignoredLists: [],
    lines,
    inputLimit: limit,
  };
}

/** What is left to visit: a node, or a list item whose step starts when it is reached. */
type Work =
  | {
      readonly kind: "node";
      readonly node: MarkdownNode;
      readonly scope: Scope;
      readonly previous: MarkdownNode | undefined;
    }
  | {
      readonly kind: "item";
      readonly item: MarkdownNode;
      readonly list: MarkdownNode;
      readonly scope: Scope;
    };

/**
 * Visits the tree in document order with an explicit stack, not recursion: how deep the
 * Markdown nests (emphasis inside emphasis, quotes inside lists) cannot overflow the call stack.
 */
function walkChildren(parent: MarkdownNode, scope: Scope, state: WalkState): void {
  const work: Work[] = [];
  pushChildren(work, parent.children ?? [], scope);
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    if (next.kind === "item") enterItem(work, next, state);
    else visit(work, next.node, next.scope, state, next.previous);
  }
}

/** Queues `children` so that the first is visited next. */
function pushChildren(work: Work[], children: readonly MarkdownNode[], scope: Scope): void {
  for (let index = children.length - 1; index >= 0; index--) {
    const node = children[index];
    if (node !== undefined) work.push({ kind: "node", node, scope, previous: children[index - 1] });
  }
}

function visit(
  work: Work[],
  node: MarkdownNode,
  scope: Scope,
  state: WalkState,
  previous: MarkdownNode | undefined,
): void {
  switch (node.type) {
    case "heading":
      state.section = plainText(node);
      state.title ??= state.section === "" ? undefined : state.section;
      return;
    case "code":
      recordCode(node, scope, state, previous);
      return;
    case "list":
      visitList(work, node, scope, state);
      return;
    default:
      if (node.children !== undefined) pushChildren(work, node.children, scope);
  }
}

function visitList(work: Work[], list: MarkdownNode, scope: Scope, state: WalkState): void {
  if (startsSteps(list, scope) && scope.inBullet) {
    const { line, column } = startOf(list);
    state.ignoredLists.push({ line, column, reason: "ordered-in-bullet" });
  }
  const items = list.children ?? [];
  for (let index = items.length - 1; index >= 0; index--) {
    const item = items[index];
    if (item !== undefined) work.push({ kind: "item", item, list, scope });
  }
}

/** A step starts when its item is reached, so it takes the section in force there. */
function enterItem(
  work: Work[],
  {
    item,
    list,
    scope,
  }: { readonly item: MarkdownNode; readonly list: MarkdownNode; readonly scope: Scope },
  state: WalkState,
): void {
  if (startsSteps(list, scope) && !scope.inBullet) {
    const index = state.steps.length + 1;
    state.steps.push({ item, index, section: state.section, commands: [] });
    pushChildren(work, item.children ?? [], { step: index, inBullet: false });
  } else {
    pushChildren(work, item.children ?? [], {
      step: scope.step,
      inBullet: scope.inBullet || list.ordered !== true,
    });
  }
}

function startsSteps(list: MarkdownNode, scope: Scope): boolean {
  return list.ordered === true && scope.step === undefined;
}

function recordCode(
  node: MarkdownNode,
  scope: Scope,
  state: WalkState,
  previous: MarkdownNode | undefined,
): void {
  const { line, column } = startOf(node);
  const fenced = isFenced((state.lines[line - 1] ?? "").slice(column - 1));
  const info = parseFenceInfo(node.lang, node.meta);
  const interpreter = fenced ? interpreterFor(info.language, state.options) : undefined;
  const value = node.value ?? "";
  const form = SESSION_LANGUAGES.has(info.language) ? scriptForm(value) : undefined;
  const script =
    interpreter !== undefined && isTranscriptLanguage(info.language)
      ? stripConsolePrompts(value)
      : form?.kind === "session"
        ? form.script
        : value;
  const executable = interpreter !== undefined && script.trim() !== "";
  state.codeBlocks.push({
    kind: fenced ? "fenced" : "indented",
    language: info.language,
    meta: info.meta,
    value,
    line,
    column,
    endLine: node.endLine ?? line,
    stepIndex: scope.step,
    followsStepIndex: scope.step === undefined ? lastStepOf(previous, state) : undefined,
    executable,
    ...(form?.kind === "session" && { prompts: { kind: "session" } }),
    ...(form?.kind === "ambiguous" && {
      prompts: { kind: "ambiguous", line: form.line, why: form.why },
    }),
  });
  if (interpreter === undefined || !executable || !fenced) return;
  const command = {
    language: info.language,
    line,
    column,
    script,
    interpreter,
    attributes: info.attributes,
  };
  if (scope.step !== undefined) {
    state.steps[scope.step - 1]?.commands.push(command);
    return;
  }
  state.strayFences.push({
    command,
    section: state.section,
    text: previous?.type === "paragraph" ? plainText(previous) : "",
    endLine: node.endLine ?? line,
  });
}

/** When `previous` is an ordered list that made steps, the index of its last step. */
function lastStepOf(previous: MarkdownNode | undefined, state: WalkState): number | undefined {
  if (previous?.type !== "list" || previous.ordered !== true) return undefined;
  const lastItem = previous.children?.at(-1);
  const draft = state.steps.find((step) => step.item === lastItem);
  return draft?.index;
}

function finishStep(draft: StepDraft, options: ParseOptions): Step {
  const { line, column } = startOf(draft.item);
  const inlineCode = inlineCodeOf(draft.item);
  const commands =
    draft.commands.length > 0 || !options.inlineCodeCommands
      ? draft.commands
      : inlineCommand(inlineCode, options);
  return {
    index: draft.index,
    line,
    column,
    endLine: draft.item.endLine ?? line,
    section: draft.section,
    text: plainText(draft.item),
    commands,
    ...attributeFacts(commands),
    inlineCode: inlineCode.map((code) => code.value ?? ""),
  };
}

function inlineCommand(inlineCode: readonly MarkdownNode[], options: ParseOptions): Command[] {
  const first = inlineCode[0];
  const interpreter = interpreterFor("", options);
  const script = first?.value ?? "";
  if (first === undefined || interpreter === undefined || script.trim() === "") return [];
  const { line, column } = startOf(first);
  return [
    {
      language: options.defaultShell,
      line,
      column,
      script,
      interpreter,
      attributes: [],
    },
  ];
}

/** Inline code spans of an item, in order, leaving out nested lists (their own items). */
/** Inline code spans of an item outside its sub-lists, in document order (no recursion). */
function inlineCodeOf(item: MarkdownNode): MarkdownNode[] {
  const found: MarkdownNode[] = [];
  const pending: MarkdownNode[] = [...(item.children ?? [])].reverse();
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (node.type === "inlineCode") found.push(node);
    else if (node.type !== "list" && node.children !== undefined) {
      for (let index = node.children.length - 1; index >= 0; index--) {
        const child = node.children[index];
        if (child !== undefined) pending.push(child);
      }
    }
  }
  return found;
}

function frontMatterOf(tree: MarkdownNode): {
  value: Runbook["frontMatter"];
  error: Runbook["frontMatterError"];
} {
  const first = tree.children?.[0];
  if (first?.type !== "yaml") return { value: undefined, error: undefined };
  const result = parseFrontMatter(first.value ?? "", startOf(first).line);
  return result.ok
    ? { value: result.value, error: undefined }
    : { value: undefined, error: { line: result.line, message: result.message } };
}

/** Whether the code starting at this point of its opening line is fenced (vs indented). */
function isFenced(fromCodeStart: string): boolean {
  return /^(```|~~~)/.test(fromCodeStart);
}

function startOf(node: MarkdownNode): { line: number; column: number } {
  return { line: node.start?.line ?? 1, column: node.start?.column ?? 1 };
}

const MARKDOWN_SUFFIXES = [".html.md.erb", ".html.md", ".md.erb", ".markdown", ".md"];

function fileStem(file: string): string {
  const base = path.basename(file);
  const suffix = MARKDOWN_SUFFIXES.find((candidate) => base.toLowerCase().endsWith(candidate));
  return suffix === undefined ? base : base.slice(0, -suffix.length);
}
