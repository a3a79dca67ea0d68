import type { FenceAttribute } from "../core/runbook.js";
/** A fence's info string split into language and attributes. */
export interface FenceInfo {
    /** Lower-cased language, `""` when none. */
    readonly language: string;
    /** Everything after the language, trimmed (the raw attribute text). */
    readonly meta: string;
    readonly attributes: readonly FenceAttribute[];
}
/**
 * Splits ```` ```bash {risk=destructive timeout=120} ```` style info strings. Attributes may
 * sit in braces or bare after the language; quoted values keep their spaces.
 */
export declare function parseFenceInfo(lang: string | null | undefined, meta: string | null | undefined): FenceInfo;
/** Parses `key=value` pairs from the text after the language; other words are ignored here (lint reports them). */
export declare function parseAttributes(meta: string): FenceAttribute[];
/**
 * Turns a `console` / `shell-session` transcript into a script: lines starting with a
 * `$ ` or `# ` prompt are commands (prompt removed), a line ending in `\` continues onto
 * the next, a `> ` line right after a command is its continuation (prompt removed), and every
 * other line is output and dropped.
 */
export declare function stripConsolePrompts(transcript: string, prompt?: RegExp): string;
/** How a `bash`/`sh`/`shell`/`zsh` fence is written (design rule 11). */
export type ScriptForm = {
    readonly kind: "script";
}
/** A pasted terminal session: `$ ` command lines, other lines output. Read like `console`. */
 | {
    readonly kind: "session";
    readonly script: string;
}
/** `$ ` on some lines of what is otherwise a script, or `# ` lines inside a session. */
 | {
    readonly kind: "ambiguous";
    readonly line: number;
    readonly why: string;
};
/**
 * Whether a shell fence is a script or a pasted session. It is a session when its first
 * non-blank line is a `$ ` prompt; then lines without a prompt are output. `$ ` lines after
 * script lines, or a `# ` line in a session (a comment, or a root prompt?), are ambiguous:
 * never guessed. A fence without any `$ ` line is a script (its `# ` lines are comments).
 */
export declare function scriptForm(body: string): ScriptForm;
