import type { RunEndPayload, RunStatus } from "../audit/records.js";
import { SIGNAL_EXIT_CODES, type RunSignal, type StepOutcome } from "./ports.js";

/** Exit codes of `run` (design.md): 0 ok, 1 failed/denied/aborted, 2 usage, 129/130/131/143 signals. */
export const RUN_EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Final outcome per step index; steps never reached are absent. */
export class Tally {
  readonly #outcomes = new Map<number, StepOutcome>();
  readonly #total: number;
  aborted = false;
  signal: RunSignal | undefined;

  constructor(totalSteps: number) {
    this.#total = totalSteps;
  }

  set(step: number, outcome: StepOutcome): void {
    this.#outcomes.set(step, outcome);
  }

  get status(): RunStatus {
    if (this.signal !== undefined) return "interrupted";
    if (this.aborted) return "aborted";
    return this.#count("failed") + this.#count("denied") > 0 ? "failed" : "succeeded";
  }

  get exitCode(): number {
    if (this.signal !== undefined) return SIGNAL_EXIT_CODES[this.signal];
    return this.status === "succeeded" ? RUN_EXIT.ok : RUN_EXIT.failed;
  }

  /** The `run_end` payload. */
  end(durationMs: number): RunEndPayload {
    return {
      status: this.status,
      counts: {
        steps: this.#total,
        succeeded: this.#count("succeeded"),
        failed: this.#count("failed"),
        skipped: this.#count("skipped"),
        denied: this.#count("denied"),
      },
      durationMs,
      exitCode: this.exitCode,
      signal: this.signal ?? null,
    };
  }

  #count(outcome: StepOutcome): number {
    let count = 0;
    for (const value of this.#outcomes.values()) if (value === outcome) count += 1;
    return count;
  }
}
