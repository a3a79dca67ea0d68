import type { Config } from "../../../config/types.js";
import { riskRank } from "../../../core/risk.js";
import type { PlannedStep } from "../../../plan/plan.js";
import type { APPROVERS } from "../schemas.js";
import type { McpContext } from "../context.js";
import { slackConfigured } from "../../../adapters/slack/run-parts.js";

/**
 * Who may approve a step when this server runs it: nobody needs to (`auto`), the client's user
 * (up to `mcp_max_approval_level`), Slack, or nobody (the step will be denied).
 */
export function approvedBy(
  planned: PlannedStep,
  config: Config,
  context: Pick<McpContext, "env">,
): (typeof APPROVERS)[number] {
  if (!planned.needsApproval) return "auto";
  const slack = slackConfigured(config, context.env);
  const client = riskRank(planned.risk) <= riskRank(config.mcpMaxApprovalLevel);
  if (client) return slack ? "mcp_client_or_slack" : "mcp_client";
  return slack ? "slack" : "nobody";
}
