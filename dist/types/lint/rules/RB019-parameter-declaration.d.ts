import type { LintRule } from "../types.js";
/**
 * RB019: a front-matter parameter that cannot be passed to steps as written: a name that is not
 * a variable name or that changes how programs run (`PATH`, `LD_PRELOAD`, `GIT_*`…, safety
 * invariant 12), a structured value, a name declared twice, an unknown `steps:` mode. Such a
 * parameter is left out of the run. `KUBECONFIG` is allowed with a warning.
 */
export declare const parameterDeclaration: LintRule;
