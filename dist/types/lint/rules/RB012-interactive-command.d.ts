import type { LintRule } from "../types.js";
/** RB012: editors, REPLs, database clients, login shells and followers cannot run unattended. */
export declare const interactiveCommand: LintRule;
