import type { LintRule } from "../types.js";
/**
 * RB018: `$ kubectl …` in a script fence. A `bash`/`sh`/`shell`/`zsh` fence written as a
 * terminal session is read like `console` (design rule 11): a warning that suggests saying so.
 * Any other shell fence (no language, a configured one) would run `$` as a command: an error.
 */
export declare const promptInScript: LintRule;
