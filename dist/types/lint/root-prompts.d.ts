/** A `# ` line of a pasted root session that a shell fence reads as a comment, and why. */
export interface RootPrompt {
    /** 1-based line in the fence body. */
    readonly line: number;
    /** The program the `# ` line names. */
    readonly program: string;
    /** True when the fence also has lines that look like its output (they would run). */
    readonly withOutput: boolean;
}
/**
 * Pure: a shell fence written as a session pasted from a root shell (`# systemctl status x`
 * lines, then output) instead of a script. Its `# ` lines name a program the classifier knows,
 * and no other line reads as a command: every other line is output (a program nobody knows, a
 * path, a table), or there is none. As a script its commands are comments that never run and
 * its output lines run; as a session it would drop what might be comments. That is not
 * guessed (design rule 11): `undefined` when any other line reads as a command, or when no
 * `# ` line names a known program (prose comments).
 */
export declare function rootPromptSession(body: string): RootPrompt | undefined;
/**
 * Pure: the `$ ` line before body line `before` (1-based) that opens a shell as another user,
 * after which a session's `# ` lines are typed into that shell; `undefined` when there is none.
 */
export declare function shellSwitchBefore(body: string, before: number): string | undefined;
