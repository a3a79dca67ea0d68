import { riskRank, type RiskLevel } from "../core/risk.js";
import { deniedOutcome } from "./request.js";
import type {
  ApprovalOptions,
  ApprovalOutcome,
  ApprovalProvider,
  ApprovalRequest,
} from "./types.js";

/** A required reviewer who approved the job's environment, as read from the run's approvals. */
export interface EnvironmentReviewer {
  readonly login: string;
  readonly id: number;
  readonly comment: string;
  /** ISO 8601: when the action read the approval (GitHub gives no time). */
  readonly observedAt: string;
}

/** What a GitHub environment's approval covers. */
export interface EnvironmentGrant {
  readonly environment: string;
  /** Steps up to this risk count as approved by the reviewers. */
  readonly level: RiskLevel;
  /** Who approved this environment in this run; empty when nobody did. */
  readonly reviewers: readonly EnvironmentReviewer[];
  /**
   * The step hashes of the plan the reviewers approved (checked against `plan-hash` before the
   * run); `undefined` when the run has no plan hash to bind the approval to.
   */
  readonly planStepHashes: ReadonlySet<string> | undefined;
}

/**
 * The GitHub-native gate: the reviewers approved the whole job before it reached the runner,
 * so a step is approved when it is in the approved plan and at or below `level` (invariant 14).
 * Anything else is a denial that another channel may still overrule.
 */
export class EnvironmentApprovalProvider implements ApprovalProvider {
  readonly channel = "github_environment";
  /** The reviewers answered before the job started: asked first, it never waits for anyone. */
  readonly standing = true;
  readonly #grant: EnvironmentGrant;

  constructor(grant: EnvironmentGrant) {
    this.#grant = grant;
  }

  request(request: ApprovalRequest, _options: ApprovalOptions): Promise<ApprovalOutcome> {
    return Promise.resolve(this.#decide(request));
  }

  #decide(request: ApprovalRequest): ApprovalOutcome {
    const { environment, level, reviewers, planStepHashes } = this.#grant;
    const deny = (detail: string): ApprovalOutcome =>
      deniedOutcome(request, this.channel, "no_channel", detail);
    if (reviewers.length === 0) {
      return deny(`no approval for environment \`${environment}\` in this run`);
    }
    if (planStepHashes === undefined) {
      return deny("no `plan-hash`: the environment approval is not bound to a plan");
    }
    if (riskRank(request.step.risk) > riskRank(level)) {
      return deny(`${request.step.risk} is above \`environment-level: ${level}\``);
    }
    if (!planStepHashes.has(request.stepHash)) {
      return deniedOutcome(request, this.channel, "hash_mismatch", "step not in the approved plan");
    }
    return {
      decision: "approved",
      approver: reviewers.map((reviewer) => reviewer.login).join(", "),
      channel: this.channel,
      stepHash: request.stepHash,
      at: new Date().toISOString(),
      reasonCode: "approved",
      detail: `environment \`${environment}\``,
    };
  }
}
