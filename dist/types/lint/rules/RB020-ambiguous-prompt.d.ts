import type { LintRule } from "../types.js";
/**
 * RB020: a shell fence where prompts and script cannot be told apart (`$ ` on some lines
 * after plain script lines, or a `# ` line in a pasted session). It runs as written, `$`
 * and all, so lint stops the run rather than guess (design rule 11).
 */
export declare const ambiguousPrompt: LintRule;
