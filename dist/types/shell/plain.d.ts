import type { CommandContext } from "./types.js";
import type { WalkSink } from "./walk.js";
import type { Offset } from "./words.js";
/**
 * Reads a plain script (see {@link TOKEN}: commands of words and simple quoted strings,
 * joined by `&&`, `||`, `|` and `;`) the way the tree-sitter walk reads it, without parsing:
 * each command, with its pipeline, goes to `sink` in source order. Returns false, having sent
 * nothing, when the script is not plain, holds one of {@link SYNTAX_WORDS}, or a command
 * starts with anything but a command name (`A=1 cmd`): those go to the parser.
 * `__tests__/shell/plain.test.ts` holds this to the walk over the parse tree.
 */
export declare function readPlainScript(script: string, offset: Offset, contexts: readonly CommandContext[], sink: Pick<WalkSink, "command" | "newPipeline">): boolean;
