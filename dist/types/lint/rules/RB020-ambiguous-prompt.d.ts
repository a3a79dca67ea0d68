import type { LintRule } from "../types.js";
/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, a `# ` line in a pasted session, a session pasted from a root
 * shell whose `# ` prompts read as comments, or a session pasted without any prompt, whose
 * output lines would run as commands). It would run as written, so lint stops the run rather
 * than guess (design rule 11).
 */
export declare const ambiguousPrompt: LintRule;
