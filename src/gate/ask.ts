import { ApprovalInterruptedError } from "./errors.js";
import { requestApproval } from "./request.js";
import type { ApprovalOutcome, ApprovalProvider, ApprovalRequest } from "./types.js";
import { unlessAborted } from "../core/abortable.js";
import type { PlannedStep } from "../plan/plan.js";
import { shownValue } from "../plan/parameters.js";
import { isDetached } from "../core/detach.js";

/**
 * What the approver is shown: the step, its risk and reasons, the exact scripts and the
 * parameter values they receive (secret ones as `***`), e.g. the namespace a delete will hit.
 */
export function approvalRequestFor(
  planned: PlannedStep,
  runbook: { readonly title: string; readonly path: string },
): ApprovalRequest {
  const { step } = planned;
  return {
    runbookPath: runbook.path,
    runbookTitle: runbook.title,
    step: {
      index: step.index,
      section: step.section,
      text: step.text,
      risk: planned.risk,
      riskSource: planned.riskSource,
      reasons: planned.reasons,
      commands: step.commands.map((command) => ({
        language: command.language,
        script: command.script,
        interpreter: command.interpreter,
        detach: isDetached(command),
      })),
      parameters: planned.parameters.map((parameter) => ({
        name: parameter.name,
        value: shownValue(parameter),
      })),
    },
    stepHash: planned.stepHash,
  };
}

/**
 * Asks the channel through `requestApproval` (bound to the step hash, every failure denied:
 * invariants 1 and 3). `ctrl_c` when the user pressed Ctrl-C at the prompt, `aborted` when the
 * run was interrupted while waiting, even by a channel that ignores the signal.
 */
export async function askApproval(
  provider: ApprovalProvider,
  request: ApprovalRequest,
  options: { readonly signal: AbortSignal; readonly timeoutMs: number },
): Promise<ApprovalOutcome | "ctrl_c" | "aborted"> {
  try {
    const outcome = await unlessAborted(
      requestApproval(provider, request, options),
      options.signal,
    );
    return outcome ?? "aborted";
  } catch (error) {
    if (error instanceof ApprovalInterruptedError) return "ctrl_c";
    if (options.signal.aborted) return "aborted";
    throw error;
  }
}
