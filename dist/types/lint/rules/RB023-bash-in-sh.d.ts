import type { LintRule } from "../types.js";
/**
 * RB023: a fence that runs in `sh` (dash on Debian and Ubuntu) or zsh uses bash syntax. The
 * script means something else there (`((rm -r -f , dir))` is arithmetic to bash and two
 * subshells deleting `dir` to dash), so it is never rated `read_only`.
 */
export declare const bashInSh: LintRule;
