import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";
import type { ValidationReport } from "../../core/report.js";

/** A report path as shown to people and tools: relative to `cwd` when absolute, with `/` separators. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.isAbsolute(file) ? path.relative(cwd, file) || path.basename(file) : file;
  return relative.split(path.sep).join("/");
}

/** The report with every runbook path made relative to `cwd` (see {@link displayPath}). */
export function relativizeReport(report: ValidationReport, cwd: string): ValidationReport {
  return {
    ...report,
    runbooks: report.runbooks.map((runbook) => ({
      ...runbook,
      path: displayPath(runbook.path, cwd),
    })),
  };
}

/** The same error with its file shown as {@link displayPath} (for unreadable runbooks). */
export function relativeError(error: RunbookExecError, cwd: string): RunbookExecError {
  if (error.file === undefined) return error;
  return new RunbookExecError(error.code, error.message, {
    file: displayPath(error.file, cwd),
    ...(error.line !== undefined && { line: error.line }),
    cause: error,
  });
}
