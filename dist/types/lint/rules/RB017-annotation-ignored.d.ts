import type { LintRule } from "../types.js";
/** RB017: `risk=read_only` on a command the rules find riskier is ignored (annotations only raise). */
export declare const annotationIgnored: LintRule;
