import { EnvironmentApprovalProvider, type EnvironmentGrant } from "../../gate/environment.js";
import { FirstAnswerProvider } from "../../gate/first-answer.js";
import type { ApprovalProvider } from "../../gate/types.js";
import { RunbookExecError } from "../../core/errors.js";
import type { ActionApprovalChannel } from "./run-inputs.js";

/** What each channel of the `approval` input needs. */
export interface ChannelSettings {
  readonly environment: EnvironmentGrant;
}

/**
 * The one place the action turns the `approval` input into providers: every listed channel is
 * asked at once and the first decisive answer wins (`FirstAnswerProvider`, invariant 14).
 * @throws RunbookExecError (`USAGE`) for a channel this build cannot ask.
 */
export function composeApprovalChannels(
  channels: ReadonlySet<ActionApprovalChannel>,
  settings: ChannelSettings,
): ApprovalProvider {
  const providers = [...channels].map((channel): ApprovalProvider => {
    if (channel === "environment") return new EnvironmentApprovalProvider(settings.environment);
    throw new RunbookExecError(
      "USAGE",
      `\`approval: ${channel}\` is not available in this build of the action yet; use \`approval: environment\`.`,
    );
  });
  const [first, ...rest] = providers;
  if (first === undefined) throw new RunbookExecError("USAGE", "`approval` names no channel");
  return rest.length === 0 ? first : new FirstAnswerProvider([first, ...rest]);
}
