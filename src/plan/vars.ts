import { checkParameterName } from "../core/parameter-names.js";
import { RunbookExecError } from "../core/errors.js";
import type { Runbook } from "../core/runbook.js";
import { parameterSpecs, type ParameterSpec } from "./parameters.js";

/**
 * Parses repeated `--var KEY=VALUE` flags (and the action's `vars` lines). The value may
 * contain `=`; an empty value is a value. A malformed flag, a name given twice, or a name that
 * changes how programs run (`PATH`, `LD_PRELOAD`, `GIT_*`…, safety invariant 12) is a usage error.
 */
export function parseVarFlags(flags: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const flag of flags) {
    const equals = flag.indexOf("=");
    const name = equals === -1 ? flag : flag.slice(0, equals);
    const verdict = checkParameterName(name);
    if (equals === -1 || verdict.kind === "invalid") {
      throw new RunbookExecError(
        "USAGE",
        `\`--var ${flag}\` is not KEY=VALUE with KEY a variable name (letters, digits, _); e.g. \`--var NAMESPACE=prod\``,
      );
    }
    if (verdict.kind === "denied") {
      throw new RunbookExecError("USAGE", `\`--var ${name}=…\` is refused: ${verdict.message}`);
    }
    if (Object.hasOwn(vars, name)) {
      throw new RunbookExecError(
        "USAGE",
        `\`--var ${name}\` is given twice; give each parameter once`,
      );
    }
    vars[name] = flag.slice(equals + 1);
  }
  return vars;
}

/** Parameter values for a run, and the parameters that still have none. */
export interface ResolvedParameters {
  /** Name → value for every parameter that has one (`""` included). */
  readonly values: Readonly<Record<string, string>>;
  /** Required parameters without a value: declared without a default, or placeholders. */
  readonly missing: readonly ParameterSpec[];
  /** Every parameter the runbook knows, declared or used as a placeholder. */
  readonly specs: readonly ParameterSpec[];
}

/**
 * The parameters a run passes to its steps: front-matter defaults, overridden by `--var`.
 * A `--var` must name a declared parameter or a placeholder some step uses (in any letter case;
 * the runbook's spelling wins). Values never enter script text.
 */
export function resolveParameters(
  runbook: Pick<Runbook, "path" | "frontMatter" | "lines" | "steps">,
  vars: Readonly<Record<string, string>>,
): ResolvedParameters {
  const specs = parameterSpecs(runbook);
  const byUpper = new Map(specs.map((spec) => [spec.name.toUpperCase(), spec]));
  const unknown = Object.keys(vars).filter((name) => !byUpper.has(name.toUpperCase()));
  if (unknown.length > 0) {
    const line = parametersLine(runbook.lines);
    const where = line === undefined ? { file: runbook.path } : { file: runbook.path, line };
    const names = specs.map((spec) => spec.name);
    const known =
      names.length === 0
        ? "declares no parameters and has no placeholders"
        : `knows ${list(names)}`;
    throw new RunbookExecError(
      "USAGE",
      `unknown parameter ${list(unknown)} in \`--var\`: the runbook ${known}; fix the name or declare it under \`parameters:\` in the front matter`,
      where,
    );
  }
  const given = new Map(Object.entries(vars).map(([name, value]) => [name.toUpperCase(), value]));
  const values: Record<string, string> = {};
  const missing: ParameterSpec[] = [];
  for (const spec of specs) {
    const value = given.get(spec.name.toUpperCase()) ?? spec.default;
    if (value === undefined) missing.push(spec);
    else values[spec.name] = value;
  }
  return { values, missing, specs };
}

/** The refusal of a run that cannot ask for the missing values (no terminal, or the action). */
export function missingParametersError(
  runbook: Pick<Runbook, "path">,
  missing: readonly ParameterSpec[],
): RunbookExecError {
  const described = missing.map((spec) => {
    const first = spec.usedBy[0];
    const where = first === undefined ? "declared without a default" : `step ${first.step}`;
    return `\`${spec.name}\` (${where})`;
  });
  const line = missing.find((spec) => spec.line !== undefined)?.line;
  return new RunbookExecError(
    "USAGE",
    `missing required parameter ${described.join(", ")} and no terminal to ask; pass ${missing.map((spec) => `\`--var ${spec.name}=VALUE\``).join(" ")}`,
    line === undefined ? { file: runbook.path } : { file: runbook.path, line },
  );
}

function list(names: readonly string[]): string {
  return names.map((name) => `\`${name}\``).join(", ");
}

/** Line of `parameters:` in the front matter, so errors point at the declaration. */
function parametersLine(lines: readonly string[]): number | undefined {
  if (lines[0]?.trim() !== "---") return undefined;
  for (const [offset, line] of lines.entries()) {
    if (offset > 0 && line.trim() === "---") return undefined;
    if (/^parameters\s*:/.test(line)) return offset + 1;
  }
  return undefined;
}
