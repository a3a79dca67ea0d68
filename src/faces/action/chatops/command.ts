import path from "node:path";
import type { CommentEvent, DispatchEvent } from "../../../adapters/github/chatops-events.js";
import { validateRunbooks } from "../../../app/validate.js";
import { loadConfig } from "../../../config/load.js";
import { RunbookExecError } from "../../../core/errors.js";
import { roleMeets, type RepositoryRole } from "../../../core/repository-role.js";
import { ALL_RULES } from "../../../lint/registry.js";
import {
  errorReply,
  helpReply,
  noActiveRunReply,
  permissionReply,
  refusedReply,
  usageReply,
  validateReply,
  busyReply,
} from "../../../present/chatops/replies.js";
import { renderPlanComment } from "../../../present/chatops/status-comment.js";
import { inputValue, type ActionInputs, type InputName } from "../inputs.js";
import type { ActionDeps } from "../ports.js";
import { planFromInputs } from "../prepare.js";
import { runCommand } from "../run-command.js";
import { readRunInputs, type ActionApprovalChannel, type RunInputs } from "../run-inputs.js";
import { findActiveRun } from "./active-run.js";
import { resolveRunbookDirs, type RunbookDirs } from "./confine.js";
import { parseComment, runCommandFrom, USAGE_LINES, type ChatOpsCommand } from "./grammar.js";
import { readChatOpsInputs, type ChatOpsInputs } from "./inputs.js";
import { attachStatus } from "./run-status.js";
import { runbookSource } from "./source.js";
import { ChatOpsThread } from "./thread.js";

/** Everything one ChatOps command runs with. */
interface ChatOps {
  readonly inputs: ActionInputs;
  readonly deps: ActionDeps;
  readonly settings: ChatOpsInputs;
  readonly dirs: RunbookDirs;
  readonly defaultBranch: string;
  /** The thread to answer in; a dispatch without `issue_number` has none. */
  readonly thread: ChatOpsThread | undefined;
  /** Who asked: the commenter, or the dispatch's sender. */
  readonly startedBy: string;
  readonly runUrl: string;
  readonly log: (message: string) => void;
}

/** The command words, for messages. */
const WORD: Readonly<Record<ChatOpsCommand["kind"], string>> = {
  run: "/runbook run",
  plan: "/runbook plan",
  validate: "/runbook validate",
  help: "/runbook help",
  approve: "/approve",
  deny: "/deny",
  abort: "/abort",
};

/**
 * `command: chatops`: answer a `/runbook …`, `/approve`, `/deny` or `/abort` comment, or a
 * `runbook-run` repository dispatch. Other comments are ignored quietly; a commenter without
 * `chatops-permission` gets a reply saying what is needed and a :-1:, and nothing runs.
 */
export async function chatopsCommand(inputs: ActionInputs, deps: ActionDeps): Promise<void> {
  const value = inputValue((name: InputName) => deps.io.getInput(name));
  const settings = readChatOpsInputs(value);
  const event = await deps.chatops.event();
  const log = (message: string): void => deps.io.info(message);
  const env = deps.env;
  const runUrl = `${env["GITHUB_SERVER_URL"] ?? "https://github.com"}/${env["GITHUB_REPOSITORY"] ?? ""}/actions/runs/${env["GITHUB_RUN_ID"] ?? ""}`;
  if (event.kind === "comment") {
    await onComment(event, { inputs, deps, settings, runUrl, log });
    return;
  }
  await onDispatch(event, { inputs, deps, settings, runUrl, log });
}

type Base = Pick<ChatOps, "inputs" | "deps" | "settings" | "runUrl" | "log">;

async function onComment(event: CommentEvent, base: Base): Promise<void> {
  const { deps, settings, log } = base;
  if (event.action !== "created") {
    log(`runbook-exec: the comment was ${event.action}, not created; nothing to do.`);
    return;
  }
  const parsed = parseComment(event.body);
  if (parsed.kind === "ignored") {
    log("runbook-exec: the comment is not a ChatOps command; nothing to do.");
    return;
  }
  if (event.authorType !== "User") {
    log(`runbook-exec: comments by ${event.authorType} accounts are not commands; nothing to do.`);
    return;
  }
  const thread = new ChatOpsThread(deps.run.issuesApi(), event.issueNumber, event.commentId, log);
  await thread.react("eyes");
  if (parsed.kind === "command" && isSteering(parsed.command.kind)) {
    await steer(parsed.command.kind, event.author, thread, base);
    return;
  }
  const word = parsed.kind === "command" ? WORD[parsed.command.kind] : "/runbook";
  const role = await roleOf(event.author, base);
  if (role === undefined || !roleMeets(role, settings.permission)) {
    log(
      `runbook-exec: ${event.author} has ${role ?? "an unknown"} permission; ${word} needs ${settings.permission}.`,
    );
    await thread.reply(permissionReply(event.author, settings.permission, word));
    await thread.react("-1");
    return;
  }
  if (parsed.kind === "usage") {
    await thread.reply(usageReply(parsed.problem, USAGE_LINES));
    await thread.react("confused");
    return;
  }
  const chatops: ChatOps = {
    ...base,
    dirs: await resolveRunbookDirs(deps.workspace, settings.runbookDirs),
    defaultBranch: event.repository.defaultBranch,
    thread,
    startedBy: event.author,
  };
  await answering(chatops, () => perform(parsed.command, chatops));
}

async function onDispatch(event: DispatchEvent, base: Base): Promise<void> {
  const thread =
    event.issueNumber === undefined
      ? undefined
      : new ChatOpsThread(base.deps.run.issuesApi(), event.issueNumber, undefined, base.log);
  const chatops: ChatOps = {
    ...base,
    dirs: await resolveRunbookDirs(base.deps.workspace, base.settings.runbookDirs),
    defaultBranch: event.repository.defaultBranch,
    thread,
    startedBy: event.sender,
  };
  const checked = runCommandFrom({
    path: event.runbook,
    incidentId: event.incidentId,
    dryRun: event.dryRun,
    vars: event.vars,
  });
  await answering(chatops, async () => {
    if (checked.kind !== "command") {
      throw new RunbookExecError(
        "USAGE",
        `Malformed repository_dispatch \`client_payload\`: ${checked.kind === "usage" ? checked.problem : "not a run"}`,
      );
    }
    await perform(checked.command, chatops);
  });
}

/** Runs `work`; a failure is answered in the thread (escaped) and then fails the step. */
async function answering(chatops: ChatOps, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message =
      error instanceof RunbookExecError ? error.describe() : "an unexpected error; see the job log";
    await chatops.thread?.reply(errorReply(message, chatops.runUrl));
    await chatops.thread?.react("confused");
    throw error;
  }
}

async function roleOf(login: string, base: Base): Promise<RepositoryRole | undefined> {
  try {
    return await base.deps.chatops.role(login);
  } catch (error) {
    // Invariant 3: a permission GitHub cannot confirm is no permission.
    base.log(`runbook-exec: the permission of ${login} could not be checked (${String(error)}).`);
    return undefined;
  }
}

async function perform(command: ChatOpsCommand, chatops: ChatOps): Promise<void> {
  const { thread } = chatops;
  switch (command.kind) {
    case "help":
      await thread?.reply(helpReply(USAGE_LINES, chatops.settings.runbookDirs));
      return;
    case "approve":
    case "deny":
    case "abort":
      // Only comments steer (`onComment`); a dispatch never carries these.
      return;
    case "validate":
    case "plan":
    case "run":
      await withRunbook(command, chatops);
  }
}

type SteeringKind = "approve" | "deny" | "abort";

function isSteering(kind: ChatOpsCommand["kind"]): kind is SteeringKind {
  return kind === "approve" || kind === "deny" || kind === "abort";
}

/**
 * `/approve`, `/deny`, `/abort` as the event. The run in progress in the thread reads them
 * itself (its comment approvals and its `/abort` watcher, from one read of the thread) and
 * answers each that does not count at most once, so this job stays quiet while a run is
 * active, whoever wrote the comment: a second answer here would be a second reply to one
 * comment. With no run to steer it answers: the permission needed, or that nothing runs.
 */
async function steer(
  kind: SteeringKind,
  author: string,
  thread: ChatOpsThread,
  base: Base,
): Promise<void> {
  const { deps, log, settings } = base;
  const active = await findActiveRun(deps.run.issuesApi(), thread.issue, {
    ownRunId: deps.env["GITHUB_RUN_ID"] ?? "",
    workflowRunActive: deps.chatops.workflowRunActive,
  }).catch((error: unknown) => {
    log(`runbook-exec: could not look for the active run (${String(error)}).`);
    return null;
  });
  if (active === null) return;
  if (active !== undefined) {
    log(
      `runbook-exec: ${WORD[kind]} is for workflow run ${active.runId}, which reads and answers it.`,
    );
    return;
  }
  const role = await roleOf(author, base);
  if (role === undefined || !roleMeets(role, settings.permission)) {
    log(
      `runbook-exec: ${author} has ${role ?? "an unknown"} permission; ${WORD[kind]} needs ${settings.permission}.`,
    );
    await thread.reply(permissionReply(author, settings.permission, WORD[kind]));
    await thread.react("-1");
    return;
  }
  await thread.reply(noActiveRunReply(WORD[kind]));
}

async function withRunbook(
  command: Extract<ChatOpsCommand, { kind: "run" | "plan" | "validate" }>,
  chatops: ChatOps,
): Promise<void> {
  const { deps, thread } = chatops;
  const source = await runbookSource(command.path, {
    dirs: chatops.dirs,
    defaultBranch: chatops.defaultBranch,
    env: deps.env,
    checkout: deps.chatops.checkout,
  });
  if (source.kind === "refused") {
    chatops.log(`runbook-exec: ${source.reason}`);
    if (thread === undefined) throw new RunbookExecError("USAGE", source.reason);
    await thread.reply(refusedReply(source.reason));
    await thread.react("-1");
    return;
  }
  const header = {
    runbookPath: source.relative,
    commit: source.commit,
    defaultBranch: chatops.defaultBranch,
    startedBy: chatops.startedBy,
    runUrl: chatops.runUrl,
  };
  if (command.kind === "validate") {
    await validateOne(source.relative, source.commit, chatops);
    return;
  }
  const run = runInputsFor(command, source.relative, chatops);
  if (command.kind === "plan") {
    const plan = await planFromInputs(chatops.inputs, run, deps);
    const steps = plan.prepared.steps;
    await thread?.reply(
      renderPlanComment(
        {
          ...header,
          title: plan.prepared.runbook.title,
          incidentId: undefined,
          dryRun: true,
          steps: steps.map((planned) => ({
            index: planned.step.index,
            text: planned.step.name ?? planned.step.text,
            risk: planned.risk,
            needsApproval: planned.needsApproval,
            notRun: planned.disposition === "run" ? undefined : planned.disposition,
          })),
        },
        plan.planHash,
      ),
    );
    return;
  }
  if (thread !== undefined) {
    const active = await findActiveRun(deps.run.issuesApi(), thread.issue, {
      ownRunId: deps.env["GITHUB_RUN_ID"] ?? "",
      workflowRunActive: deps.chatops.workflowRunActive,
    });
    if (active !== undefined) {
      await thread.reply(busyReply(active.statusUrl));
      await thread.react("confused");
      return;
    }
  }
  await runCommand(
    chatops.inputs,
    run,
    deps,
    thread === undefined
      ? undefined
      : attachStatus({
          thread,
          header: {
            ...header,
            runId: deps.env["GITHUB_RUN_ID"] ?? "",
            incidentId: run.incidentId,
            dryRun: run.dryRun,
          },
          permission: chatops.settings.permission,
          role: deps.chatops.role,
          log: chatops.log,
        }),
  );
}

async function validateOne(relative: string, commit: string, chatops: ChatOps): Promise<void> {
  const { deps } = chatops;
  const config = await loadConfig({
    cwd: deps.workspace,
    env: deps.env,
    ...(chatops.inputs.configPath === undefined ? {} : { configPath: chatops.inputs.configPath }),
    knownRules: ALL_RULES,
  });
  const outcome = await validateRunbooks([path.resolve(deps.workspace, relative)], {
    config,
    // One file, bounded by the parser's own limits (parsing rule 13); lint needs no model.
    riskModel: undefined,
  });
  const [problem] = outcome.unreadable;
  if (problem !== undefined) throw problem;
  const findings = outcome.report.runbooks[0]?.findings ?? [];
  await chatops.thread?.reply(validateReply(relative, commit, findings));
}

/**
 * The run's inputs: the workflow's `run` inputs, with the runbook, incident, dry run and
 * variables the command gave. Approvals are asked in the thread (`github`, plus `slack` when the
 * workflow lists it); a dispatch without an issue keeps the workflow's channels.
 */
function runInputsFor(
  command: Extract<ChatOpsCommand, { kind: "run" | "plan" }>,
  relative: string,
  chatops: ChatOps,
): RunInputs {
  const value = inputValue((name: InputName) =>
    name === "runbook" ? relative : chatops.deps.io.getInput(name),
  );
  const configured = readRunInputs(value);
  const inThread: ActionApprovalChannel[] = ["github"];
  if (configured.approval.has("slack")) inThread.push("slack");
  const thread = chatops.thread;
  return {
    ...configured,
    runbook: relative,
    ...(command.kind === "run"
      ? { incidentId: command.incidentId, dryRun: command.dryRun, vars: command.vars }
      : { dryRun: true }),
    ...(thread === undefined ? {} : { issueNumber: thread.issue, approval: new Set(inThread) }),
  };
}
