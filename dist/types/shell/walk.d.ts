import type { Node } from "web-tree-sitter";
import type { CommandContext, ShellAssignment, ShellHeredoc, ShellPosition, ShellRedirect, ShellWord } from "./types.js";
import { type Offset } from "./words.js";
/** A simple command as written, before wrappers are unwrapped. */
export interface RawCommand extends ShellPosition {
    readonly words: readonly ShellWord[];
    readonly assignments: readonly ShellAssignment[];
    readonly redirects: readonly ShellRedirect[];
    readonly heredocs: readonly ShellHeredoc[];
    readonly contexts: readonly CommandContext[];
    readonly pipe: {
        readonly id: number;
        readonly position: number;
    } | undefined;
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
export declare const MAX_NESTING = 500;
/** Walks one parsed script; `offset` maps inner-script positions to the outer script. */
export declare class Walker {
    private readonly sink;
    private readonly offset;
    constructor(sink: WalkSink, offset: Offset);
    walkProgram(root: Node, contexts: readonly CommandContext[]): void;
    private depth;
    private walk;
    private dispatch;
    /**
     * Walk named children; a statement followed by `&` runs in the background. The children are
     * read in one call into WebAssembly (`node.children`), not one or two per index.
     */
    private children;
    private pipeline;
    private redirected;
    private command;
    /**
     * `[[ -v 'a[$(…)]' ]]`: recorded as a command named `[[` whose words are the expression's
     * operands and operators, so rules see arguments that bash evaluates as code.
     */
    private test;
    /** `export A=1 B`, `local -r x`, `unset -f f`: recorded as commands named by the keyword. */
    private declaration;
    /** `A=1 B=2` on their own: a command without words, so rules see the assignments. */
    private assignments;
    private assignment;
    private segment;
}
