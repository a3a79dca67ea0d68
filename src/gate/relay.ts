import { randomBytes } from "node:crypto";

/** What a relayed question is about: approving a step, or what to do after a failure or denial. */
export const RELAY_QUESTION_KINDS = ["approval", "failure"] as const;
export type RelayQuestionKind = (typeof RELAY_QUESTION_KINDS)[number];

/**
 * What an answer must be bound to: the run, the question's kind, the step and its hash, and the
 * one-time nonce of this very question. A client echoes it back (signed) with its answer.
 */
export interface RelayBinding {
  readonly runId: string;
  readonly kind: RelayQuestionKind;
  readonly step: number;
  readonly stepHash: string;
  readonly nonce: string;
}

/** A question waiting for a relayed answer. All text is for the person the client shows it to. */
export interface RelayQuestion {
  readonly binding: RelayBinding;
  /** The question in full: runbook, step N of M, risk, reasons, the exact scripts. */
  readonly message: string;
  /** The one field the form asks for; the answer must be one of these. */
  readonly choices: readonly [string, ...string[]];
  /** `Date.now()` after which the question is no longer open. */
  readonly expiresAt: number;
}

/** How a relayed question ended. */
export type RelayAnswer =
  | { readonly kind: "chosen"; readonly choice: string }
  /** The person declined to answer the form (MCP `decline`). */
  | { readonly kind: "declined" }
  /** The person dismissed the form (MCP `cancel`). */
  | { readonly kind: "cancelled" }
  | { readonly kind: "timed_out" }
  /** The connection to the client ended. */
  | { readonly kind: "closed"; readonly detail: string }
  /** An answer arrived that was not bound to this question (forged, replayed, another step). */
  | { readonly kind: "refused"; readonly detail: string };

/** Why an answer was not taken. */
export const RELAY_REFUSALS = [
  "no_open_question",
  "replayed",
  "other_question",
  "expired",
] as const;
export type RelayRefusal = (typeof RELAY_REFUSALS)[number];

/** The verdict on an answer handed to {@link QuestionRelay.settle}. */
export type SettleResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly refusal: RelayRefusal; readonly detail: string };

interface Open {
  readonly question: RelayQuestion;
  readonly finish: (answer: RelayAnswer) => void;
}

/**
 * One run's channel to a person through a client that relays questions and answers (MCP
 * elicitation). At most one question is open at a time; an answer counts only when it names that
 * question's binding, nonce included, before it expires, and only once (safety invariants 1, 13).
 * Whatever cannot be taken is refused and reported, never guessed.
 */
export class QuestionRelay {
  readonly #runId: string;
  readonly #now: () => number;
  readonly #used = new Set<string>();
  readonly #listeners = new Set<(question: RelayQuestion) => void>();
  #open: Open | undefined;
  #closed: string | undefined;

  constructor(runId: string, options: { readonly now?: () => number } = {}) {
    this.#runId = runId;
    this.#now = options.now ?? Date.now;
  }

  /** The open question, if any. */
  get open(): RelayQuestion | undefined {
    return this.#open?.question;
  }

  /** Calls `listener` with every question as it opens; returns the unsubscribe function. */
  onOpen(listener: (question: RelayQuestion) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Opens a question and resolves with how it ended: the answer, a timeout after `timeoutMs`,
   * the connection closing, or a refused answer. Rejects with the signal's reason when aborted.
   */
  ask(
    spec: {
      readonly kind: RelayQuestionKind;
      readonly step: number;
      readonly stepHash: string;
      readonly message: string;
      readonly choices: readonly [string, ...string[]];
    },
    options: { readonly signal: AbortSignal; readonly timeoutMs: number },
  ): Promise<RelayAnswer> {
    if (options.signal.aborted) return Promise.reject(options.signal.reason);
    if (this.#closed !== undefined)
      return Promise.resolve({ kind: "closed", detail: this.#closed });
    if (this.#open !== undefined) this.#open.finish({ kind: "closed", detail: "superseded" });
    const nonce = randomBytes(16).toString("base64url");
    const question: RelayQuestion = {
      binding: {
        runId: this.#runId,
        kind: spec.kind,
        step: spec.step,
        stepHash: spec.stepHash,
        nonce,
      },
      message: spec.message,
      choices: spec.choices,
      expiresAt: this.#now() + options.timeoutMs,
    };
    return new Promise<RelayAnswer>((resolve, reject) => {
      const timer = setTimeout(() => finish({ kind: "timed_out" }), options.timeoutMs);
      const onAbort = (): void => {
        cleanUp();
        reject(options.signal.reason);
      };
      const cleanUp = (): void => {
        clearTimeout(timer);
        options.signal.removeEventListener("abort", onAbort);
        this.#used.add(nonce);
        if (this.#open?.question === question) this.#open = undefined;
      };
      const finish = (answer: RelayAnswer): void => {
        cleanUp();
        resolve(answer);
      };
      options.signal.addEventListener("abort", onAbort, { once: true });
      this.#open = { question, finish };
      for (const listener of this.#listeners) listener(question);
    });
  }

  /**
   * Hands the open question an answer that names `binding`. Refused (and the question left as it
   * is) unless `binding` is exactly the open question's and it has not expired.
   */
  settle(binding: RelayBinding, answer: RelayAnswer): SettleResult {
    const open = this.#open;
    const shown = `${binding.kind} of step ${binding.step}`;
    if (this.#used.has(binding.nonce))
      return refused(
        "replayed",
        `the question this request state belongs to (${shown}) has already ended`,
      );
    if (open === undefined)
      return refused("no_open_question", `no question is open in run ${this.#runId}`);
    const expected = open.question.binding;
    if (!sameBinding(binding, expected)) {
      return refused(
        "other_question",
        `the answer is for the ${shown} (hash ${binding.stepHash.slice(0, 12)}), but the open question is the ${expected.kind} of step ${expected.step} (hash ${expected.stepHash.slice(0, 12)})`,
      );
    }
    if (this.#now() > open.question.expiresAt)
      return refused("expired", `the ${shown} expired before the answer came`);
    open.finish(answer);
    return { ok: true };
  }

  /** Ends the open question with a refusal (a forged answer was aimed at it); false if none. */
  refuse(detail: string): boolean {
    const open = this.#open;
    if (open === undefined) return false;
    open.finish({ kind: "refused", detail });
    return true;
  }

  /** The connection is gone: the open question and every later one end as `closed`. */
  close(detail: string): void {
    this.#closed ??= detail;
    this.#open?.finish({ kind: "closed", detail });
  }
}

function sameBinding(a: RelayBinding, b: RelayBinding): boolean {
  return (
    a.runId === b.runId &&
    a.kind === b.kind &&
    a.step === b.step &&
    a.stepHash === b.stepHash &&
    a.nonce === b.nonce
  );
}

function refused(refusal: RelayRefusal, detail: string): SettleResult {
  return { ok: false, refusal, detail };
}
