import { RunbookExecError } from "../core/errors.js";
import type { VerifyResult } from "./verify.js";

const HINT = "`replay` and `--resume` read the `.ndjson` logs that `runbook-exec run` writes";

/**
 * Refuses a file that holds no audit record at all (Markdown, an empty file, other JSON, a
 * binary): that is the wrong file, not a log someone changed, so it is `NOT_AN_AUDIT_LOG`
 * naming the file and the line, never a tamper verdict. A file with even one line that is a
 * record is a log, and whatever else is in it is judged by the chain.
 */
export function assertAuditLog(file: string, result: VerifyResult): void {
  if (result.records.length > 0) return;
  if (result.incomplete.includes("empty_log")) {
    throw new RunbookExecError("NOT_AN_AUDIT_LOG", `not an audit log: the file is empty; ${HINT}`, {
      file,
      line: 1,
    });
  }
  // With no record in the file, the verifier stopped at the first line (or found it torn: a
  // single line without a newline that is not JSON).
  const line = result.broken?.line ?? 1;
  const problem = result.broken?.message ?? `line ${line} is not JSON`;
  throw new RunbookExecError(
    "NOT_AN_AUDIT_LOG",
    `not an audit log: no line of it is an audit record (${problem}); ${HINT}`,
    { file, line },
  );
}
