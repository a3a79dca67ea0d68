/**
 * The user pressed Ctrl-C at an approval prompt. The run engine treats it like SIGINT: kill
 * nothing (no step is running), record the abort and `run_end`, exit 130.
 */
export class ApprovalInterruptedError extends Error {
  override readonly name = "ApprovalInterruptedError";
  readonly code = "APPROVAL_INTERRUPTED" as const;

  constructor(stepIndex: number) {
    super(`approval of step ${stepIndex} interrupted (Ctrl-C): run aborted`);
  }
}
