import type { Parser } from "web-tree-sitter";
import type {
  CommandContext,
  OpaqueScript,
  PipelineRef,
  RemoteTarget,
  ShellAnalysis,
  ShellCommand,
  ShellPosition,
  ShellAssignment,
  ShellRedirect,
  StdinSource,
  ShellWord,
} from "./types.js";
import { joinContinuations } from "./continuations.js";
import { readPlainScript } from "./plain.js";
import { firstMisread, firstSyntaxError } from "./syntax.js";
import { type RawCommand, Walker, type WalkSink } from "./walk.js";
import { type Offset, NO_OFFSET } from "./words.js";
import type { Unwrapped } from "./unwrapped.js";
import { WRAPPERS } from "./wrappers.js";
import { commandName, rewrittenByShell, staticOutput } from "./names.js";

/** Scripts longer than this (in UTF-16 units) are not parsed: a `modifying` verdict says why. */
export const MAX_ANALYSED_SCRIPT_CHARS = 256 * 1024;

/**
 * Wall-clock budget of one tree-sitter parse. tree-sitter-bash is quadratic on some inputs
 * (long runs of `<`); past this the parse is cancelled and the script left unanalysed.
 */
export const PARSE_BUDGET_MS = 1_000;

/** Options for {@link analyzeShell}. */
export interface AnalyzeOptions {
  /** How deep inner scripts (`bash -c`, `ssh host '…'`, `eval`) are parsed; default 4. */
  readonly maxDepth?: number;
}

interface Frame {
  readonly depth: number;
  readonly via: readonly string[];
  readonly remote: RemoteTarget | undefined;
  readonly contexts: readonly CommandContext[];
  /** Output redirects of the wrapper whose inner script this is (`bash -c '…' > out`). */
  readonly redirects: readonly ShellRedirect[];
  /** Assignments written before the wrapper (`BASH_ENV=x watch 'cmd'`): the inner commands inherit them. */
  readonly assignments: readonly ShellAssignment[];
  /** The expanded word an outer shell pasted into this inner script (`bash -c "cat $F"`). */
  readonly reparsed: string | undefined;
}

/** The script as written: no wrapper around it, nothing inherited. */
const TOP_FRAME: Frame = {
  depth: 0,
  via: [],
  remote: undefined,
  contexts: [],
  redirects: [],
  assignments: [],
  reparsed: undefined,
};

const OUTPUT: ReadonlySet<ShellRedirect["kind"]> = new Set(["write", "append", "duplicate"]);

/** Shell keywords that can only start a command when the script is malformed. */
const RESERVED: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "elif",
  "fi",
  "do",
  "done",
  "case",
  "esac",
  "while",
  "until",
  "for",
  "select",
  "in",
  "function",
]);

/** Wrappers nested deeper than this are left as they are (`sudo sudo sudo …`). */
const MAX_WRAPPERS = 16;

class Analysis implements WalkSink {
  readonly commands: ShellCommand[] = [];
  readonly pipelines: number[][] = [];
  readonly opaque: OpaqueScript[] = [];
  syntaxError: ShellPosition | undefined;
  misread: ShellPosition | undefined;
  nestingLimit: ShellPosition | undefined;
  notAnalysed: ShellAnalysis["notAnalysed"];
  private frame: Frame = TOP_FRAME;
  /** Raw pipeline id (per walk) → index in `pipelines`, and its length. */
  private readonly pipelineIds = new Map<number, { index: number; length: number }>();
  private nextPipeline = 0;

  constructor(
    private readonly parser: Parser,
    private readonly maxDepth: number,
    private readonly readPlain: boolean,
  ) {}

  run(script: string, offset: Offset, frame: Frame): void {
    if (script.length > MAX_ANALYSED_SCRIPT_CHARS) {
      this.notAnalysed ??= "too_long";
      return;
    }
    if (
      this.readPlain &&
      this.within(frame, () => readPlainScript(script, offset, frame.contexts, this))
    )
      return;
    const deadline = performance.now() + PARSE_BUDGET_MS;
    const source = joinContinuations(script);
    const tree = this.parser.parse(source, null, {
      // Returning true cancels the parse (web-tree-sitter's typing says void; its code reads it).
      progressCallback: (() => performance.now() > deadline) as () => void,
    });
    if (tree === null) {
      // A cancelled parse leaves the parser mid-way; the next parse must start afresh.
      this.parser.reset();
      this.notAnalysed ??= "too_costly";
      return;
    }
    try {
      this.syntaxError ??= firstSyntaxError(tree.rootNode, offset);
      this.misread ??= firstMisread(tree.rootNode, source, offset);
      this.within(frame, () => new Walker(this, offset).walkProgram(tree.rootNode, frame.contexts));
    } finally {
      tree.delete();
    }
  }

  /** Records the commands `walk` finds as running under `frame` (a wrapper's inner script). */
  private within<T>(frame: Frame, walk: () => T): T {
    const saved = this.frame;
    this.frame = frame;
    try {
      return walk();
    } finally {
      this.frame = saved;
    }
  }

  tooDeep(at: ShellPosition): void {
    this.nestingLimit ??= at;
  }

  newPipeline(length: number): number {
    const id = this.nextPipeline++;
    if (length > 1) {
      this.pipelineIds.set(id, { index: this.pipelines.length, length });
      this.pipelines.push([]);
    }
    return id;
  }

  command(raw: RawCommand): void {
    const frame = this.frame;
    let argv: readonly ShellWord[] = raw.words;
    const via = [...frame.via];
    // `env X=1 cmd`, `sudo X=1 cmd`: the wrapper's assignments reach the command it runs.
    const carried: ShellAssignment[] = [];
    // Files the wrappers write themselves: the command is rated as if it redirected to them.
    const written: ShellRedirect[] = [];
    let remote = frame.remote;
    for (let n = 0; n < MAX_WRAPPERS; n++) {
      const first = argv[0];
      if (first === undefined || first.dynamic) break;
      if (!first.quoted && RESERVED.has(first.value)) {
        // tree-sitter-bash accepts `then rm x` or `sudo if …; then …` as commands; bash does
        // not. Flag the error, and read on past the keyword so the command is still seen.
        if (argv === raw.words) this.syntaxError ??= { line: first.line, column: first.column };
        if (argv.length === 1) break;
        argv = argv.slice(1);
        continue;
      }
      if (argv !== raw.words && /^[A-Za-z_][A-Za-z0-9_]*=/.test(first.value) && argv.length > 1) {
        // `nice LD_PRELOAD=x cat`: read it the riskier way, as env and sudo would run it.
        carried.push(...assignmentsIn([first]));
        argv = argv.slice(1);
        continue;
      }
      const unwrap = WRAPPERS.get(commandName(first.value));
      const result = unwrap?.(argv.slice(1));
      if (result === undefined) break;
      via.push(result.label);
      if (result.kind !== "stdin" && result.writes !== undefined) written.push(result.writes);
      if (result.remote !== undefined)
        remote = remote === undefined ? result.remote : { ...result.remote, outer: remote };
      if (result.kind === "argv")
        carried.push(...assignmentsIn(argv.slice(1, argv.length - result.next.length)));
      if (result.kind === "argv") {
        argv = result.next;
        continue;
      }
      if (
        this.inner(raw, argv, result, {
          depth: frame.depth + 1,
          via: [...via],
          remote,
          contexts: [...raw.contexts, "inner_script"],
          redirects: [
            ...frame.redirects,
            ...raw.redirects.filter((r) => OUTPUT.has(r.kind)),
            ...written,
          ],
          assignments: [...frame.assignments, ...raw.assignments, ...carried],
          reparsed: this.expandedInto(raw, result) ?? frame.reparsed,
        })
      )
        return;
      via.pop();
      break;
    }
    this.push(raw, argv, via, remote, carried, written);
  }

  /**
   * The word the running shell expands before the wrapper's shell parses the result as code:
   * a dynamic script word (`bash -c "cat $F"`, `ssh host cat "$F"`), a dynamic here-string,
   * or an unquoted heredoc with expansions or backslashes (the shell turns `\\rm` into `\rm`
   * and `\\;` into `\;` before the inner shell reads it). Its value becomes code, whatever it is.
   */
  private expandedInto(raw: RawCommand, result: Unwrapped): string | undefined {
    if (result.kind === "script") return result.script.find((w) => w.dynamic)?.raw;
    const stdin = this.stdinOf(raw);
    if (stdin?.kind === "herestring" && stdin.word.dynamic) return stdin.word.raw;
    if (stdin?.kind === "heredoc" && rewrittenByShell(stdin.heredoc))
      return `<<${stdin.heredoc.delimiter}`;
    return undefined;
  }

  /** Parse the text a shell-running wrapper executes; false when it cannot be read statically. */
  private inner(
    raw: RawCommand,
    argv: readonly ShellWord[],
    result: Unwrapped,
    frame: Frame,
  ): boolean {
    const source = this.scriptOf(raw, result);
    // `bash`, `ssh host` with no stdin (interactive) or `bash < file.sh`: nothing to read, nothing hidden.
    const stdin = result.kind === "stdin" ? this.stdinOf(raw) : undefined;
    if (
      source === undefined &&
      result.kind === "stdin" &&
      (stdin === undefined || stdin.kind === "file")
    )
      return false;
    if (source === undefined) {
      const first = argv[0];
      this.opaque.push({
        command: this.commands.length,
        reason: "dynamic",
        line: first?.line ?? raw.line,
        column: first?.column ?? raw.column,
      });
      return false;
    }
    if (frame.depth > this.maxDepth) {
      this.opaque.push({
        command: this.commands.length,
        reason: "depth-limit",
        line: raw.line,
        column: raw.column,
      });
      return false;
    }
    this.run(source.text, source.offset, frame);
    return true;
  }

  private scriptOf(
    raw: RawCommand,
    result: Unwrapped,
  ): { text: string; offset: Offset } | undefined {
    if (result.kind === "script") {
      const first = result.script[0];
      if (first === undefined) return undefined;
      const text = result.script.map((w) => w.value).join(" ");
      // A script that starts with an expansion (`"$CMD"`, `"$(curl …)"`) cannot be read.
      if (first.dynamic && /^\s*[$`]/.test(first.value)) return undefined;
      return {
        text,
        offset: { row: first.line - 1, column: first.column - 1 + (first.quoted ? 1 : 0) },
      };
    }
    const stdin = this.stdinOf(raw);
    if (stdin?.kind === "heredoc")
      return { text: stdin.heredoc.body, offset: { row: stdin.heredoc.line, column: 0 } };
    if (stdin?.kind === "herestring" && !(stdin.word.dynamic && /^\s*[$`]/.test(stdin.word.value)))
      return {
        text: stdin.word.value,
        offset: { row: stdin.word.line - 1, column: stdin.word.column - 1 },
      };
    if (stdin?.kind === "pipe" && stdin.text !== undefined)
      return { text: stdin.text, offset: { row: raw.line - 1, column: raw.column - 1 } };
    return undefined;
  }

  private stdinOf(raw: RawCommand): StdinSource | undefined {
    let own: StdinSource | undefined;
    let heredocIndex = 0;
    for (const r of raw.redirects) {
      if (r.fd !== undefined && r.fd !== 0) {
        if (r.kind === "heredoc") heredocIndex++;
        continue;
      }
      if (r.kind === "heredoc") {
        const heredoc = raw.heredocs[heredocIndex++];
        if (heredoc !== undefined) own = { kind: "heredoc", heredoc };
      } else if (r.kind === "herestring" && r.target !== undefined)
        own = { kind: "herestring", word: r.target };
      else if (r.kind === "read" && r.target !== undefined) own = { kind: "file", path: r.target };
    }
    if (own !== undefined) return own;
    const pipe = this.pipelineOf(raw);
    if (pipe === undefined || pipe.position === 0) return undefined;
    const stages = this.pipelines[pipe.id] ?? [];
    const from = stages[stages.length - 1];
    if (from === undefined) return undefined;
    const feeder = this.commands[from];
    return { kind: "pipe", from, text: feeder === undefined ? undefined : staticOutput(feeder) };
  }

  private pipelineOf(raw: RawCommand): PipelineRef | undefined {
    if (raw.pipe === undefined) return undefined;
    const known = this.pipelineIds.get(raw.pipe.id);
    return known === undefined
      ? undefined
      : { id: known.index, position: raw.pipe.position, length: known.length };
  }

  private push(
    raw: RawCommand,
    argv: readonly ShellWord[],
    via: readonly string[],
    remote: RemoteTarget | undefined,
    carried: readonly ShellAssignment[],
    written: readonly ShellRedirect[],
  ): void {
    const first = argv[0];
    const pipeline = this.pipelineOf(raw);
    const index = this.commands.length;
    this.commands.push({
      index,
      argv,
      name: first === undefined ? "" : first.dynamic ? first.raw : commandName(first.value),
      dynamicName: first?.dynamic === true,
      words: raw.words,
      via,
      remote,
      assignments: [...this.frame.assignments, ...raw.assignments, ...carried],
      redirects: [...this.frame.redirects, ...raw.redirects, ...written],
      heredocs: raw.heredocs,
      stdin: this.stdinOf(raw),
      pipeline,
      contexts: raw.contexts,
      ...(this.frame.reparsed === undefined ? {} : { reparsed: this.frame.reparsed }),
      depth: this.frame.depth,
      text: raw.text,
      line: raw.line,
      column: raw.column,
    });
    if (pipeline !== undefined) this.pipelines[pipeline.id]?.push(index);
  }
}

/** `NAME=value` words among a wrapper's own words (`env A=1 B=2 cmd`). */
function assignmentsIn(words: readonly ShellWord[]): ShellAssignment[] {
  const out: ShellAssignment[] = [];
  for (const word of words) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word.value);
    if (m?.[1] !== undefined) out.push({ name: m[1], value: { ...word, value: m[2] ?? "" } });
  }
  return out;
}

/** How many recent analyses are kept per parser (lint and the classifier ask for the same scripts). */
const RECENT_LIMIT = 256;
const recent = new WeakMap<Parser, Map<string, ShellAnalysis>>();

/**
 * Find every simple command in a shell script, unwrap wrappers, and parse inner scripts.
 * Synchronous given a parser from `loadBashParser()`; never throws on bad shell (see
 * `syntaxError`). The result is immutable and depends only on its inputs, so the last few
 * are remembered: `validate` lints and classifies every fence, and parsing it twice was a
 * fifth of its time.
 */
export function analyzeShell(
  parser: Parser,
  script: string,
  options: AnalyzeOptions = {},
): ShellAnalysis {
  const maxDepth = options.maxDepth ?? 4;
  let cache = recent.get(parser);
  if (cache === undefined) recent.set(parser, (cache = new Map()));
  const key = `${maxDepth}\u0000${script}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  if (cache.size >= RECENT_LIMIT) cache.clear();
  const analysis = analyze(parser, script, maxDepth, true);
  cache.set(key, analysis);
  return analysis;
}

/**
 * {@link analyzeShell} with every script, inner ones too, read from tree-sitter's parse tree,
 * plain ones included (see `plain.ts`): the reference the plain-script reader is held to.
 */
export function analyzeShellParsed(
  parser: Parser,
  script: string,
  options: AnalyzeOptions = {},
): ShellAnalysis {
  return analyze(parser, script, options.maxDepth ?? 4, false);
}

function analyze(
  parser: Parser,
  script: string,
  maxDepth: number,
  readPlain: boolean,
): ShellAnalysis {
  const analysis = new Analysis(parser, maxDepth, readPlain);
  analysis.run(script, NO_OFFSET, TOP_FRAME);
  return {
    commands: analysis.commands,
    pipelines: analysis.pipelines,
    syntaxError: analysis.syntaxError,
    misread: analysis.misread,
    nestingLimit: analysis.nestingLimit,
    notAnalysed: analysis.notAnalysed,
    opaque: analysis.opaque,
  };
}
