import type { LintRule } from "../types.js";
/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, a `# ` line in a pasted session, or a session pasted from a root
 * shell whose `# ` prompts read as comments). It would run as written, so lint stops the run
 * rather than guess (design rule 11).
 */
export declare const ambiguousPrompt: LintRule;
