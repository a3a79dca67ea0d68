import type { FindingReport } from "../../core/report.js";

/** A finding's message followed by its fix, for outputs that show one block of text per finding. */
export function messageWithFix(finding: Pick<FindingReport, "message" | "fix">): string {
  return finding.fix === undefined ? finding.message : `${finding.message}\n\nFix: ${finding.fix}`;
}
