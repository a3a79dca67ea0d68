import { MINIMUM_ROLES, type MinimumRole } from "../../../core/repository-role.js";
import { list, oneOf, type InputValue } from "../inputs.js";

/** The inputs only `command: chatops` reads. */
export interface ChatOpsInputs {
  /** Directories runbook paths must resolve into, workspace-relative. */
  readonly runbookDirs: readonly string[];
  /** The role a commenter needs to start, steer or approve a run. */
  readonly permission: MinimumRole;
}

/**
 * Read `runbook-dirs` and `chatops-permission`.
 * @throws RunbookExecError (`USAGE`) naming the input and what it accepts.
 */
export function readChatOpsInputs(value: InputValue): ChatOpsInputs {
  return {
    runbookDirs: list(value("runbook-dirs"), /\n/),
    permission: oneOf("chatops-permission", value("chatops-permission"), MINIMUM_ROLES),
  };
}
