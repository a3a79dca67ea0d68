import type { ShellPosition } from "../shell/types.js";
import type { SourcePosition } from "./types.js";
/**
 * Maps positions in a fence's script back to the runbook. The script is the fence body with
 * the item's indentation removed (and, for `console`, prompts stripped and output dropped),
 * so each script line is the tail of one source line: find them in order.
 */
export declare function scriptLocator(lines: readonly string[], fence: SourcePosition & {
    readonly endLine: number;
}, script: string): (position: ShellPosition) => SourcePosition;
/** The same for an inline code span (`inline_code_commands = true`): the script follows the backticks. */
export declare function inlineLocator(lines: readonly string[], span: SourcePosition): (position: ShellPosition) => SourcePosition;
