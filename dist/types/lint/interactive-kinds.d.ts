import type { ShellCommand } from "../shell/types.js";
/**
 * Why a command cannot work in a step: it needs a terminal (steps have none), it waits for
 * typed input (stdin is /dev/null, so it reads nothing), or it never exits (until the step
 * timeout kills it).
 */
export type InteractiveKind = "terminal" | "input" | "endless";
/** What is wrong with one command, and how to write it instead. */
export interface InteractiveUse {
    readonly kind: InteractiveKind;
    /** How the command is shown in the message, e.g. "`top`", "`ssh` without a command". */
    readonly label: string;
    readonly fix: string;
}
/** A test for one tool: what is wrong with this use of it, if anything. */
export type Check = (args: readonly string[], command: ShellCommand) => InteractiveUse | undefined;
/** Shorthand for building an {@link InteractiveUse}. */
export declare const use: (kind: InteractiveKind, label: string, fix: string) => InteractiveUse;
/** True when the script feeds the command's stdin (pipe, file, heredoc, here-string). */
export declare const hasStdin: (command: ShellCommand) => boolean;
