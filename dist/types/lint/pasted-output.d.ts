import type { LintCommand, SourcePosition } from "./types.js";
/** A line of a shell fence that looks like pasted output, and whether a command came before it. */
export interface PastedOutput {
    readonly at: SourcePosition;
    readonly text: string;
    readonly afterCommand: boolean;
}
/**
 * Pure: the first command the shell would run from a fence that is really output pasted
 * without prompts (under the command that printed it, or alone). Only the commands the shell
 * parses are looked at, so heredoc bodies and quoted text never count; a fence that does not
 * parse is RB011's.
 */
export declare function pastedOutput({ command, shell, at }: LintCommand): PastedOutput | undefined;
