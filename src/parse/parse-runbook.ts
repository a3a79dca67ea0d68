import path from "node:path";
import type { Code, InlineCode, List, ListItem, Nodes, Parents, Root } from "mdast";
import type { CodeBlock, Command, IgnoredList, Runbook, Step, StepMode } from "../core/runbook.js";
import { parseFenceInfo, scriptForm, stripConsolePrompts } from "./fence.js";
import { parseFrontMatter } from "./front-matter.js";
import { interpreterFor, isTranscriptLanguage, type InterpreterOptions } from "./interpreters.js";
import { markdownTree, normaliseText } from "./markdown.js";
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
  readonly item: ListItem;
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
  };
}

function walkChildren(parent: Parents, scope: Scope, state: WalkState): void {
  let previous: Nodes | undefined;
  for (const child of parent.children) {
    walk(child, scope, state, previous);
    previous = child;
  }
}

function walk(node: Nodes, scope: Scope, state: WalkState, previous: Nodes | undefined): void {
  switch (node.type) {
    case "heading":
      state.section = plainText(node);
      state.title ??= state.section === "" ? undefined : state.section;
      return;
    case "code":
      recordCode(node, scope, state, previous);
      return;
    case "list":
      walkList(node, scope, state);
      return;
    default:
      if ("children" in node) walkChildren(node, scope, state);
  }
}

function walkList(list: List, scope: Scope, state: WalkState): void {
  const startsSteps = list.ordered === true && scope.step === undefined;
  if (startsSteps && scope.inBullet) {
    const { line, column } = startOf(list);
    state.ignoredLists.push({ line, column, reason: "ordered-in-bullet" });
  }
  for (const item of list.children) {
    if (startsSteps && !scope.inBullet) {
      const index = state.steps.length + 1;
      state.steps.push({ item, index, section: state.section, commands: [] });
      walkChildren(item, { step: index, inBullet: false }, state);
    } else {
      walkChildren(
        item,
        { step: scope.step, inBullet: scope.inBullet || list.ordered !== true },
        state,
      );
    }
  }
}

function recordCode(node: Code, scope: Scope, state: WalkState, previous: Nodes | undefined): void {
  const { line, column } = startOf(node);
  const fenced = isFenced((state.lines[line - 1] ?? "").slice(column - 1));
  const info = parseFenceInfo(node.lang, node.meta);
  const interpreter = fenced ? interpreterFor(info.language, state.options) : undefined;
  const form = SESSION_LANGUAGES.has(info.language) ? scriptForm(node.value) : undefined;
  const script =
    interpreter !== undefined && isTranscriptLanguage(info.language)
      ? stripConsolePrompts(node.value)
      : form?.kind === "session"
        ? form.script
        : node.value;
  const executable = interpreter !== undefined && script.trim() !== "";
  state.codeBlocks.push({
    kind: fenced ? "fenced" : "indented",
    language: info.language,
    meta: info.meta,
    value: node.value,
    line,
    column,
    endLine: node.position?.end.line ?? line,
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
    endLine: node.position?.end.line ?? line,
  });
}

/** When `previous` is an ordered list that made steps, the index of its last step. */
function lastStepOf(previous: Nodes | undefined, state: WalkState): number | undefined {
  if (previous?.type !== "list" || previous.ordered !== true) return undefined;
  const lastItem = previous.children.at(-1);
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
    endLine: draft.item.position?.end.line ?? line,
    section: draft.section,
    text: plainText(draft.item),
    commands,
    ...attributeFacts(commands),
    inlineCode: inlineCode.map((code) => code.value),
  };
}

function inlineCommand(inlineCode: readonly InlineCode[], options: ParseOptions): Command[] {
  const first = inlineCode[0];
  const interpreter = interpreterFor("", options);
  if (first === undefined || interpreter === undefined || first.value.trim() === "") return [];
  const { line, column } = startOf(first);
  return [
    {
      language: options.defaultShell,
      line,
      column,
      script: first.value,
      interpreter,
      attributes: [],
    },
  ];
}

/** Inline code spans of an item, in order, leaving out nested lists (their own items). */
function inlineCodeOf(item: ListItem): InlineCode[] {
  const found: InlineCode[] = [];
  const visit = (node: Nodes): void => {
    if (node.type === "inlineCode") found.push(node);
    else if (node.type !== "list" && "children" in node) node.children.forEach(visit);
  };
  item.children.forEach(visit);
  return found;
}

function frontMatterOf(tree: Root): {
  value: Runbook["frontMatter"];
  error: Runbook["frontMatterError"];
} {
  const first = tree.children[0];
  if (first?.type !== "yaml") return { value: undefined, error: undefined };
  const result = parseFrontMatter(first.value, startOf(first).line);
  return result.ok
    ? { value: result.value, error: undefined }
    : { value: undefined, error: { line: result.line, message: result.message } };
}

/** Whether the code starting at this point of its opening line is fenced (vs indented). */
function isFenced(fromCodeStart: string): boolean {
  return /^(```|~~~)/.test(fromCodeStart);
}

function startOf(node: Nodes): { line: number; column: number } {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

const MARKDOWN_SUFFIXES = [".html.md.erb", ".html.md", ".md.erb", ".markdown", ".md"];

function fileStem(file: string): string {
  const base = path.basename(file);
  const suffix = MARKDOWN_SUFFIXES.find((candidate) => base.toLowerCase().endsWith(candidate));
  return suffix === undefined ? base : base.slice(0, -suffix.length);
}
