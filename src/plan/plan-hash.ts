import { createHash } from "node:crypto";
import type { PlannedStep } from "./plan.js";

/**
 * sha256 that identifies a plan: the runbook's sha256 and every step's hash, in order. A GitHub
 * environment's reviewers approve this hash; a runbook changed after the plan has another one.
 */
export function planHash(runbookSha256: string, steps: readonly PlannedStep[]): string {
  const hash = createHash("sha256").update(`runbook-exec plan v1\n${runbookSha256}\n`);
  for (const planned of steps) hash.update(`${planned.step.index} ${planned.stepHash}\n`);
  return hash.digest("hex");
}
