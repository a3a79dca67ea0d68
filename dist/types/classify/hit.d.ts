import type { RiskLevel } from "../core/risk.js";
import type { ShellCommand, ShellWord } from "../shell/index.js";
import type { Syntax } from "./grammar/syntax.js";
/** One rule's conclusion about one command. */
export interface Hit {
    readonly risk: RiskLevel;
    /** Stable id, `tool.rule` (e.g. `kubectl.delete`). */
    readonly ruleId: string;
    /** A sentence for people, the command in backticks. */
    readonly message: string;
    /** False when the rules are guessing (unknown command): the hit raises `risk`, not `floor`. */
    readonly proven: boolean;
}
/** A proven `read_only` hit. */
export declare const readOnly: (ruleId: string, message: string) => Hit;
/** A proven `modifying` hit. */
export declare const modifying: (ruleId: string, message: string) => Hit;
/** A proven `destructive` hit. */
export declare const destructive: (ruleId: string, message: string) => Hit;
/** What the rules say about something they do not know: `modifying`, but not proven. */
export declare const unknown: (ruleId: string, message: string) => Hit;
/** `` `kubectl delete` `` — a command (and subcommand) quoted for a message. */
export declare function code(...parts: readonly (string | undefined)[]): string;
/** Ways for a tool rule to classify text it carries: another command line, SQL, a script. */
export interface Nested {
    /** Classify shell text found inside a command (`git -c alias.x='!rm -rf /'`). */
    shell(script: string): readonly Hit[];
    /** Classify a command line found inside this one (`find -exec rm {} +`). */
    argv(words: readonly string[]): readonly Hit[];
    /** Classify SQL text sent by a client (`psql -c`, a heredoc into `mysql`). */
    sql(text: string, client: string): readonly Hit[];
    /** Classify code for an interpreter (`python3 -c`, a heredoc into `node`). */
    code(language: string, text: string, runner: string): readonly Hit[];
}
/** What a tool rule sees: the unwrapped command, its arguments, and helpers. */
export interface ToolInput {
    /** Command name as looked up (`kubectl`, `mkfs.ext4`). */
    readonly name: string;
    /** Argument values after the name (quotes removed). */
    readonly args: readonly string[];
    /** The same arguments as words (to tell dynamic from static). */
    readonly words: readonly ShellWord[];
    /** The analysed command, `undefined` for a command line built by another rule. */
    readonly command: ShellCommand | undefined;
    /** Text reaching stdin when the script shows it (heredoc, here-string, `echo … |`). */
    readonly stdinText: string | undefined;
    readonly nested: Nested;
}
/** A per-tool classifier; returns one or more hits, never throws. */
export type ToolRule = (input: ToolInput) => Hit | readonly Hit[];
/** A tool family: the names it answers to, its rule, and the grammar of its tools. */
/** How a read stands without a syntax table: see {@link ToolFamily.readsProvenBy}. */
export type ReadProof = "own-grammar" | "shell-builtin" | "carried-command";
/** `readsProvenBy` for every name of a family: `provenBy(names, "carried-command")`. */
export declare function provenBy(names: readonly string[], proof: ReadProof): Readonly<Record<string, ReadProof>>;
export interface ToolFamily {
    readonly names: readonly string[];
    readonly rule: ToolRule;
    /**
     * Each tool's option grammar, by name. A `read_only` verdict of the rule stands only when
     * the grammar accounts for every word (the closed world). A name without one cannot answer
     * `read_only` (it is `modifying`, `grammar.none`) unless the family says how else its reads
     * are proven (`readsProvenBy`).
     */
    readonly syntax?: Readonly<Record<string, Syntax>>;
    /**
     * Why a name's `read_only` verdicts stand without a syntax table, when they do: its rule
     * holds the tool's grammar itself (`aws`, `find`, `tar`, `ip`), it is a shell built-in whose
     * code-bearing forms `builtins.ts` rates, or it only passes on the verdict of the command,
     * script or program it carries (`sudo`, `ssh`, `bash -c`), which is proven on its own.
     */
    readonly readsProvenBy?: Readonly<Record<string, ReadProof>>;
}
