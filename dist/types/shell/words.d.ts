import type { Node } from "web-tree-sitter";
import type { ShellWord } from "./types.js";
/** Where an inner script sits in its outer script, to report outer positions. */
export interface Offset {
    /** Outer line of the inner script's first line, 0-based. */
    readonly row: number;
    /** Outer column of the inner script's first character, 0-based. */
    readonly column: number;
}
/** The offset of a top-level script. */
export declare const NO_OFFSET: Offset;
/** 1-based outer position of a node of a (possibly inner) script. */
export declare function positionOf(node: Node, offset: Offset): {
    line: number;
    column: number;
};
/** Build a {@link ShellWord} from an argument-like node. */
export declare function wordOf(node: Node, offset: Offset): ShellWord;
/** A word made up by the analyser (e.g. ssh's remote command split back out). */
export declare function syntheticWord(value: string, at: {
    line: number;
    column: number;
}): ShellWord;
