import type { RiskLevel } from "./risk.js";
/** What runs a command: a shell, python, pwsh, cmd, or a configured SQL client. */
export interface Interpreter {
    /** Program to start, e.g. `bash`, `python3`. */
    readonly program: string;
    /** Arguments before the script, e.g. `["-c"]`, or `["-f", "-"]` for stdin-fed clients. */
    readonly args: readonly string[];
    /** How the script reaches the program: as the last argument or on stdin. */
    readonly scriptVia: "argument" | "stdin";
}
/** A fence attribute such as `risk=destructive`, with its source column for lint. */
export interface FenceAttribute {
    readonly key: string;
    readonly value: string;
}
/** An executable fenced code block inside a step. */
export interface Command {
    /** Language as written in the fence, lower-cased; `""` when the fence has none. */
    readonly language: string;
    /** Line of the opening fence (1-based). */
    readonly line: number;
    /** Column of the opening fence (1-based). */
    readonly column: number;
    /**
     * The code to run, after `console` prompt stripping and with its placeholders replaced by
     * quoted references to their parameters' environment variables (see `placeholders`).
     */
    readonly script: string;
    readonly interpreter: Interpreter;
    readonly attributes: readonly FenceAttribute[];
    /** The script as written (prompts stripped), when placeholders were rewritten in `script`. */
    readonly writtenScript?: string;
    /** Placeholders found in the script, in order; absent or empty when there are none. */
    readonly placeholders?: readonly PlaceholderUse[];
}
/** Where a placeholder sits, which decides how it is rewritten (see `src/shell/placeholders`). */
export type PlaceholderContext = "unquoted" | "double_quoted" | "single_quoted" | "ansi_c_quoted" | "heredoc";
/** Why a placeholder cannot be bound to a parameter (it stays as written and the step cannot run). */
export type UnbindableReason = "not_shell" | "quoted_heredoc" | "arithmetic" | "denied_name" | "invalid_name";
/** One placeholder in a command: what was written, the parameter it stands for, and where. */
export interface PlaceholderUse {
    /** As written: `<POD_NAME>`, `{{ cluster }}`, `YOUR_REGION`. */
    readonly text: string;
    /** The parameter it binds to (upper case, non-alphanumerics as `_`, or a declared spelling). */
    readonly name: string;
    /** 1-based line and column in the written script. */
    readonly line: number;
    readonly column: number;
    /** The quoting it appears in, or why it cannot be bound. */
    readonly binding: {
        readonly kind: "bound";
        readonly context: PlaceholderContext;
        /** UTF-16 offsets of the rewritten reference in `script`. */
        readonly start: number;
        readonly end: number;
        /** UTF-16 offsets of the text it replaced in `writtenScript` (quotes it absorbed included). */
        readonly writtenStart: number;
        readonly writtenEnd: number;
    } | {
        readonly kind: "unbindable";
        readonly reason: UnbindableReason;
    };
}
/** A parameter declared in the front matter. */
export interface ParameterDeclaration {
    readonly name: string;
    /** `undefined` when declared without a default: the parameter is required. `""` is a value. */
    readonly default: string | undefined;
    readonly description: string | undefined;
    /** `secret: true`: the value is shown as `***` everywhere. */
    readonly secret: boolean;
    /** Line of the declaration in the runbook. */
    readonly line: number;
}
/** A front-matter entry the parser could not take as written. */
export interface FrontMatterProblem {
    readonly line: number;
    readonly severity: "error" | "warning";
    readonly message: string;
    readonly fix: string;
}
/** How steps are found: numbered list items (the default), or every executable fence. */
export type StepMode = "numbered" | "fences";
/** Any fenced or indented code block the parser saw, executable or not, for lint rules. */
export interface CodeBlock {
    readonly kind: "fenced" | "indented";
    readonly language: string;
    /** The raw info string after the language (attributes), `""` when none. */
    readonly meta: string;
    readonly value: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    /** Index of the step it belongs to, or `undefined` when outside any step. */
    readonly stepIndex: number | undefined;
    /** Index of the step this block directly follows (same list), when it sits at the left margin after one. */
    readonly followsStepIndex: number | undefined;
    readonly executable: boolean;
    /**
     * A shell fence written as a terminal session (`$ ` prompts, output lines): read like
     * `console`; or written so that prompts and script cannot be told apart (not run as written).
     */
    readonly prompts?: {
        readonly kind: "session";
    } | {
        readonly kind: "ambiguous";
        readonly line: number;
        readonly why: string;
    };
}
/** One step: a top-level item of an ordered list. */
export interface Step {
    /** 1..N in document order. */
    readonly index: number;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    /** Plain text of the nearest preceding heading, `""` when none. */
    readonly section: string;
    /** Plain text of the item without code blocks. */
    readonly text: string;
    readonly commands: readonly Command[];
    /** Risk the author declared with `risk=…` on one of the step's fences, if any. */
    readonly annotatedRisk: RiskLevel | undefined;
    /** Per-step timeout from a `timeout=` fence attribute, in seconds. */
    readonly timeoutSeconds: number | undefined;
    /** `name=` fence attribute, if any. */
    readonly name: string | undefined;
    /** Inline code spans in the item's own text, in order (used by `inline_code_commands`). */
    readonly inlineCode: readonly string[];
}
/** A list the parser saw but did not treat as steps (ordered list inside a bullet item). */
export interface IgnoredList {
    readonly line: number;
    readonly column: number;
    readonly reason: "ordered-in-bullet";
}
/** Front matter fields; anything else is kept in `extra`. */
export interface FrontMatter {
    readonly title: string | undefined;
    readonly parameters: readonly ParameterDeclaration[];
    /** Declarations that are not valid (bad or denied names, structured values, duplicates). */
    readonly problems: readonly FrontMatterProblem[];
    /** `steps: fences` or `steps: numbered`, when given. */
    readonly stepMode: StepMode | undefined;
    readonly owners: readonly string[];
    readonly extra: Readonly<Record<string, unknown>>;
}
/** A parsed runbook. Pure data; positions are 1-based. */
export interface Runbook {
    readonly path: string;
    /** Title from front matter, else the first heading, else the file stem. */
    readonly title: string;
    /** sha256 of the file's bytes, hex. */
    readonly sha256: string;
    readonly frontMatter: FrontMatter | undefined;
    /** Line/column problem in the front matter, if it did not parse. */
    readonly frontMatterError: {
        readonly line: number;
        readonly message: string;
    } | undefined;
    /**
     * Set when the file was not parsed because it crosses a limit of parsing rule 13 (size,
     * nesting, …); the runbook then has no steps and lint reports it (RB022).
     */
    readonly inputLimit: {
        readonly line: number;
        readonly message: string;
        readonly fix: string;
    } | undefined;
    readonly steps: readonly Step[];
    /** How the steps were found: numbered items, or (`steps: fences`, no numbered steps) fences. */
    readonly stepMode?: StepMode;
    readonly codeBlocks: readonly CodeBlock[];
    readonly ignoredLists: readonly IgnoredList[];
    /** Source lines (without line endings), for lint rules that need context. */
    readonly lines: readonly string[];
}
