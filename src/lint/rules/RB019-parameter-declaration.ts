import type { LintRule } from "../types.js";

/**
 * RB019: a front-matter parameter that cannot be passed to steps as written: a name that is not
 * a variable name or that changes how programs run (`PATH`, `LD_PRELOAD`, `GIT_*`…, safety
 * invariant 12), a structured value, a name declared twice, an unknown `steps:` mode. Such a
 * parameter is left out of the run. `KUBECONFIG` is allowed with a warning.
 */
export const parameterDeclaration: LintRule = {
  id: "RB019",
  alias: "parameter-declaration",
  description:
    "Front-matter parameter with a bad or denied name, a structured value, or declared twice.",
  defaultSeverity: "error",
  check({ runbook }) {
    return (runbook.frontMatter?.problems ?? []).map((problem) => ({
      line: problem.line,
      column: 1,
      message: problem.message,
      fix: problem.fix,
      ...(problem.severity === "warning" && { severity: "warning" as const }),
    }));
  },
};
