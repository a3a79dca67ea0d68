import { RunbookExecError } from "../core/errors.js";
import type { Runbook } from "../core/runbook.js";

/** A `--var` name: what a shell accepts as a variable name, so the step can read `$NAME`. */
const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Parses repeated `--var KEY=VALUE` flags. The value may contain `=`; an empty value is allowed.
 * A malformed flag or a name given twice is a usage error.
 */
export function parseVarFlags(flags: readonly string[]): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const flag of flags) {
    const equals = flag.indexOf("=");
    const name = equals === -1 ? flag : flag.slice(0, equals);
    if (equals === -1 || !VAR_NAME.test(name)) {
      throw new RunbookExecError(
        "USAGE",
        `\`--var ${flag}\` is not KEY=VALUE with KEY a variable name (letters, digits, _); e.g. \`--var NAMESPACE=prod\``,
      );
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

/**
 * The parameters a run passes to its steps as environment variables: the front matter's
 * declared `parameters` with their defaults, overridden by `--var`. A parameter declared
 * without a default (or with an empty one) is required. Values never enter script text.
 */
export function resolveParameters(
  runbook: Pick<Runbook, "path" | "frontMatter" | "lines">,
  vars: Readonly<Record<string, string>>,
): Record<string, string> {
  const declared = runbook.frontMatter?.parameters ?? {};
  const names = Object.keys(declared);
  const line = parametersLine(runbook.lines);
  const where = line === undefined ? { file: runbook.path } : { file: runbook.path, line };
  const unknown = Object.keys(vars).filter((name) => !Object.hasOwn(declared, name));
  if (unknown.length > 0) {
    const known = names.length === 0 ? "declares no parameters" : `declares ${list(names)}`;
    throw new RunbookExecError(
      "USAGE",
      `unknown parameter ${list(unknown)} in \`--var\`: the runbook ${known}; fix the name or declare it under \`parameters:\` in the front matter`,
      where,
    );
  }
  const resolved: Record<string, string> = {};
  for (const name of names) resolved[name] = vars[name] ?? declared[name] ?? "";
  const missing = names.filter((name) => resolved[name] === "");
  if (missing.length > 0) {
    throw new RunbookExecError(
      "USAGE",
      `missing required parameter ${list(missing)} (declared without a default); pass ${missing.map((name) => `\`--var ${name}=VALUE\``).join(" ")}`,
      where,
    );
  }
  return resolved;
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
