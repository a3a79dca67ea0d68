import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";
import type { ValidationReport } from "../../core/report.js";

/** A report path as shown to people and tools: relative to `cwd` when absolute, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) || path.basename(file) : file;
  return relative.split(path.sep).join("/");
}

/** The report with every runbook and config path made relative to `cwd` (see {@link displayPath}). */
export function relativizeReport(report: ValidationReport, cwd: string): ValidationReport {
  return {
    ...report,
    runbooks: report.runbooks.map((runbook) => ({
      ...runbook,
      path: displayPath(runbook.path, cwd),
    })),
    ...(report.config !== undefined && {
      config: report.config.map((file) => ({ ...file, path: displayPath(file.path, cwd) })),
    }),
  };
}

/**
 * The same error with its file shown the way the user typed it when `typed` knows it, else as
 * {@link displayPath} (a file found in a directory or by a glob). Errors about inputs that
 * matched nothing already name the input as typed and need no call.
 */
export function relativeError(
  error: RunbookExecError,
  cwd: string,
  typed: ReadonlyMap<string, string> = new Map(),
): RunbookExecError {
  if (error.file === undefined) return error;
  return new RunbookExecError(error.code, error.message, {
    file: typed.get(error.file) ?? displayPath(error.file, cwd),
    ...(error.line !== undefined && { line: error.line }),
    cause: error,
  });
}
