import { enforceBinding, requestApproval } from "./request.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalReasonCode,
  ApprovalRequest,
} from "./types.js";
import { ApprovalWithdrawnError, describeWinner } from "./withdrawn.js";

/**
 * Answers a person gave (or the gate made of a bad answer): they end the race. A timeout, EOF,
 * a missing or failed channel only takes that channel out of it.
 */
const DECISIVE: ReadonlySet<ApprovalReasonCode> = new Set([
  "approved",
  "answered_no",
  "default_no",
  "hash_mismatch",
  "unknown_approver",
]);

/**
 * Asks every channel at once; the first decisive answer wins and the other requests are
 * withdrawn with {@link ApprovalWithdrawnError}, so each can say where and by whom it was decided
 * (safety invariant 14). Standing channels (a GitHub environment's recorded approval) are asked
 * first: when one decides, no other channel is asked at all, so nobody is shown a request that
 * was decided before it was made. Each channel is asked through `requestApproval`, so each
 * answer is bound to the step hash and every channel failure is a denial (invariants 1 and 3).
 * When no channel answers decisively, the result is a denial carrying every channel's reason
 * (`timed_out` when all timed out). Ctrl-C at one channel or an aborted run rejects and
 * withdraws the others.
 */
export class FirstAnswerProvider implements ApprovalProvider {
  readonly channel: ApprovalProvider["channel"];
  readonly #providers: readonly ApprovalProvider[];

  readonly #announce: ((message: string) => void) | undefined;

  /**
   * `announce`, when given, hears "step 3 approved in Slack by alice" when a channel decides,
   * so whoever watched another channel's prompt close knows why.
   */
  constructor(
    providers: readonly [ApprovalProvider, ...ApprovalProvider[]],
    options: { readonly announce?: (message: string) => void } = {},
  ) {
    this.channel = providers[0].channel;
    this.#providers = providers;
    this.#announce = options.announce;
  }

  /** The channels asked, in order. */
  get channels(): readonly ApprovalProvider["channel"][] {
    return this.#providers.map((provider) => provider.channel);
  }

  async request(request: ApprovalRequest, options: ApprovalOptions): Promise<ApprovalOutcome> {
    const held: ApprovalOutcome[] = [];
    for (const provider of this.#providers.filter((each) => each.standing === true)) {
      if (options.signal.aborted) throw options.signal.reason;
      const outcome = await requestApproval(provider, request, options);
      if (DECISIVE.has(outcome.reasonCode)) return this.#decided(request, outcome, held, []);
      held.push(outcome);
    }
    const asked = this.#providers.filter((each) => each.standing !== true);
    if (asked.length === 0) return combined(held);
    return this.#race(asked, held, request, options);
  }

  #decided(
    request: ApprovalRequest,
    outcome: ApprovalOutcome,
    undecided: readonly ApprovalOutcome[],
    withdrawn: readonly ApprovalOutcome["channel"][],
  ): ApprovalOutcome {
    this.#announce?.(`step ${request.step.index} ${describeWinner(outcome)}`);
    return withOthers(outcome, undecided, withdrawn);
  }

  /**
   * Asks `asked` at once; `held` are the standing channels' answers that decided nothing. A
   * channel wins when it returns a decisive answer, or earlier when it claims one (see
   * `ApprovalOptions.claim`): from then on the others are withdrawn and only its answer counts.
   */
  #race(
    asked: readonly ApprovalProvider[],
    held: readonly ApprovalOutcome[],
    request: ApprovalRequest,
    options: ApprovalOptions,
  ): Promise<ApprovalOutcome> {
    if (options.signal.aborted) return Promise.reject(options.signal.reason);
    const controllers = asked.map(() => new AbortController());
    return new Promise<ApprovalOutcome>((resolve, reject) => {
      /** The channel whose answer decides, once one has it; `null` when the race ended without. */
      let winner: number | null | undefined;
      const undecided: ApprovalOutcome[] = [...held];
      const answered = new Set<number>();
      let withdrawn: ApprovalOutcome["channel"][] = [];
      const end = (reason: unknown, except?: number): void => {
        options.signal.removeEventListener("abort", onAbort);
        controllers.forEach((controller, at) => {
          if (at !== except) controller.abort(reason);
        });
      };
      const win = (at: number, outcome: ApprovalOutcome): void => {
        winner = at;
        withdrawn = asked
          .filter((_, other) => other !== at && !answered.has(other))
          .map((other) => other.channel);
        end(new ApprovalWithdrawnError(outcome), at);
      };
      const onAbort = (): void => {
        if (winner !== undefined) return;
        winner = null;
        end(options.signal.reason);
        reject(options.signal.reason);
      };
      options.signal.addEventListener("abort", onAbort, { once: true });
      asked.forEach((provider, at) => {
        const signal = controllers[at]?.signal ?? options.signal;
        const claim = (outcome: ApprovalOutcome): boolean => {
          if (winner !== undefined) return winner === at;
          // Nothing decisive to claim: the channel may show it; its answer is weighed on return.
          if (!DECISIVE.has(enforceBinding(request, outcome).reasonCode)) return true;
          win(at, outcome);
          return true;
        };
        const { timeoutMs } = options;
        requestApproval(provider, request, { signal, timeoutMs, claim }).then(
          (outcome) => {
            if (winner === undefined && DECISIVE.has(outcome.reasonCode)) win(at, outcome);
            if (winner === at) {
              resolve(this.#decided(request, outcome, undecided, withdrawn));
              return;
            }
            if (winner !== undefined) return;
            answered.add(at);
            undecided.push(outcome);
            if (answered.size === asked.length) {
              winner = null;
              end(undefined);
              resolve(combined(undecided));
            }
          },
          (error: unknown) => {
            if (winner !== undefined && winner !== at) return;
            winner = null;
            end(error, at);
            reject(error);
          },
        );
      });
    });
  }
}

/**
 * The winner, with what the channels that dropped out before it said and the channels it
 * withdrew (for the audit log).
 */
function withOthers(
  decided: ApprovalOutcome,
  others: readonly ApprovalOutcome[],
  withdrawn: readonly ApprovalOutcome["channel"][],
): ApprovalOutcome {
  const winner = withdrawn.length === 0 ? decided : { ...decided, withdrawn };
  if (others.length === 0) return winner;
  const notes = others.map((other) => `${other.channel}: ${other.detail ?? other.reasonCode}`);
  const detail = [winner.detail, `other channels: ${notes.join("; ")}`]
    .filter((part) => part !== undefined)
    .join("; ");
  return { ...winner, detail };
}

/** No decisive answer anywhere: a denial (timed out only if every channel timed out). */
function combined(outcomes: readonly ApprovalOutcome[]): ApprovalOutcome {
  const first = outcomes.find((outcome) => outcome.decision !== "timed_out") ?? outcomes[0];
  if (first === undefined) throw new Error("a race needs at least one channel");
  const allTimedOut = first.decision === "timed_out";
  const detail = outcomes
    .map((outcome) => `${outcome.channel}: ${outcome.detail ?? outcome.reasonCode}`)
    .join("; ");
  return {
    ...first,
    decision: allTimedOut ? "timed_out" : "denied",
    approver: undefined,
    reasonCode: first.reasonCode,
    at: new Date().toISOString(),
    detail,
  };
}
