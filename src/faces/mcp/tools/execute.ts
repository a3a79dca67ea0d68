import {
  inputRequired,
  inputResponse,
  type CallToolResult,
  type InputRequiredResult,
  type McpServer,
  type ServerContext,
} from "@modelcontextprotocol/server";
import path from "node:path";
import { auditOpener, redactorFor } from "../../../app/run-setup.js";
import type { RelayAnswer, RelayQuestion } from "../../../gate/relay.js";
import { recordDryRun } from "../../../run/dry-run.js";
import { callingClient } from "../client.js";
import type { McpContext } from "../context.js";
import { McpLiveRun, type ProgressSink } from "../live-run.js";
import { prepareForMcp } from "../prepare.js";
import type { RequestStates } from "../request-state.js";
import { failure, guarded, structured } from "../results.js";
import { runResult } from "../run-result.js";
import { liveResult, type RunRegistry } from "../runs.js";
import { EXECUTE_INPUT, RUN_OUTPUT } from "../schemas.js";

/** The one field of every question's form. */
const ANSWER_KEY = "answer";

type ToolAnswer = Promise<CallToolResult | InputRequiredResult>;

/**
 * `execute_runbook`: a dry run by default; a live run asks the client's user (elicitation, as an
 * `input_required` result that older clients get as `elicitation/create`) for every step above
 * the auto-approve level and up to `mcp_max_approval_level`. The answer comes back with the
 * request state the server minted for that question, or it is refused and recorded.
 */
export function registerExecuteTool(
  server: McpServer,
  context: McpContext,
  runs: RunRegistry,
  states: RequestStates,
): void {
  const log = (message: string): void =>
    void context.log.write(`runbook-exec mcp-server: ${message}\n`);
  const stateOf = new WeakMap<RelayQuestion, Promise<string>>();

  /** The question as an `input_required` result; its state is minted once per question. */
  const ask = async (question: RelayQuestion): Promise<InputRequiredResult> => {
    let state = stateOf.get(question);
    if (state === undefined) {
      state = states.mint(question.binding);
      stateOf.set(question, state);
    }
    return inputRequired({
      inputRequests: {
        [ANSWER_KEY]: inputRequired.elicit({
          message: question.message,
          requestedSchema: {
            type: "object",
            properties: {
              [ANSWER_KEY]: {
                type: "string",
                title: question.binding.kind === "approval" ? "Approve this step?" : "What now?",
                enum: [...question.choices],
              },
            },
            required: [ANSWER_KEY],
          },
        }),
      },
      requestState: await state,
    });
  };

  /** Follows the run until it asks something or ends, reporting progress on the way. */
  const follow = async (run: McpLiveRun, ctx: ServerContext): ToolAnswer => {
    const event = await run.nextEvent(ctx.mcpReq.signal, progressSink(ctx));
    if (event.kind === "question") return ask(event.question);
    const result = await liveResult(run, context);
    return event.kind === "detached" ? failure("the call was cancelled") : structured(result);
  };

  /** An answer that came back: verified, bound to the open question, or refused and recorded. */
  const answered = async (state: unknown, ctx: ServerContext): ToolAnswer => {
    if (typeof state !== "string") {
      runs.refuse("a request state that is not a string");
      return failure("refused: the request state is not one this server minted");
    }
    const opened = await states.open(state, ctx);
    if (!opened.ok) {
      const detail = `a request state that does not verify (${opened.reason})`;
      const target = opened.claimed === undefined ? undefined : runs.live(opened.claimed.runId);
      if (target !== undefined && target.relay.refuse(`refused answer: ${detail}`))
        target.noteRefusal(detail);
      else runs.refuse(detail);
      return failure(`refused: ${detail}; nothing was approved`);
    }
    const run = runs.live(opened.binding.runId);
    if (run === undefined) {
      runs.refuse(
        `a request state for run ${opened.binding.runId}, which this server is not running`,
      );
      return failure(
        "refused: the request state names no run of this server; nothing was approved",
      );
    }
    const question = run.relay.open;
    const answer = answerOf(ctx.mcpReq.inputResponses, question);
    const settled = run.relay.settle(opened.binding, answer);
    if (!settled.ok) {
      run.noteRefusal(settled.detail);
      run.relay.refuse(`refused answer: ${settled.detail}`);
      if (run.ended) return failure(`refused: ${settled.detail}; nothing was approved`);
    }
    return follow(run, ctx);
  };

  server.registerTool(
    "execute_runbook",
    {
      title: "Run a runbook (dry run by default)",
      description:
        "Run a Markdown runbook step by step. dry_run defaults to true: the plan is recorded and " +
        "nothing runs. With dry_run=false, read-only steps run by themselves and every other step " +
        "waits until the person at this client approves it in a form runbook-exec shows them " +
        "(never the agent); steps above mcp_max_approval_level need Slack or are denied. Returns " +
        "each step's status, exit code, duration and redacted output, and the audit log's path and head.",
      inputSchema: EXECUTE_INPUT,
      outputSchema: RUN_OUTPUT,
      annotations: {
        readOnlyHint: false,
        destructiveHint: true,
        idempotentHint: false,
        openWorldHint: true,
      },
    },
    (args, ctx) =>
      guarded<InputRequiredResult>(async () => {
        const state = ctx.mcpReq.requestState<unknown>();
        if (state !== undefined) return answered(state, ctx);
        const responses = ctx.mcpReq.inputResponses ?? {};
        if (Object.keys(responses).length > 0) {
          runs.refuse("answers sent without a request state (a forged first call)");
          return failure(
            "refused: answers count only with the request state this server minted for the question; nothing was run or approved",
          );
        }
        const ready = await prepareForMcp(context, {
          path: args.path,
          vars: args.vars ?? {},
          fromStep: args.from_step ?? 1,
          incidentId: args.incident_id,
          dryRun: args.dry_run,
        });
        if (args.dry_run) {
          const summary = recordDryRun(
            { steps: ready.prepared.steps, runStart: ready.runStart },
            {
              openAudit: auditOpener(
                ready.config,
                redactorFor(ready.prepared, context.env),
                context.env,
              ),
              now: () => performance.now(),
            },
          );
          const result = await runResult(
            summary.auditLogPath,
            {
              runId: "",
              mode: "dry-run",
              runbook: path.relative(context.root, ready.prepared.runbook.path),
              state: "finished",
              pendingQuestion: null,
              details: new Map(),
              notices: ready.lintErrors.map(
                (finding) =>
                  `lint error ${finding.ruleId} at line ${finding.line}: ${finding.message} (a live run refuses to start)`,
              ),
              refusedAnswers: [],
            },
            context,
          );
          runs.addDryRun(result);
          return structured(result);
        }
        if (ready.lintErrors.length > 0) {
          const listed = ready.lintErrors
            .map((finding) => `line ${finding.line}: ${finding.ruleId} ${finding.message}`)
            .join("; ");
          return failure(
            `refused: the runbook has lint errors, which stop a live run before anything executes (${listed}); fix them, then run again`,
          );
        }
        const run = new McpLiveRun(context, ready, callingClient(ctx, server.server));
        runs.addLive(run);
        return follow(run, ctx);
      }, log),
  );
}

/** The relayed answer to `question` found in a retried call's `inputResponses`. */
function answerOf(
  responses: Record<string, unknown> | undefined,
  question: RelayQuestion | undefined,
): RelayAnswer {
  const view = inputResponse(responses, ANSWER_KEY);
  if (view.kind !== "elicit")
    return { kind: "refused", detail: "the retried call carried no answer to the question" };
  if (view.action === "decline") return { kind: "declined" };
  if (view.action === "cancel") return { kind: "cancelled" };
  const choice = view.content?.[ANSWER_KEY];
  if (typeof choice === "string" && question?.choices.includes(choice) === true)
    return { kind: "chosen", choice };
  return { kind: "refused", detail: "the answer is not one of the choices offered" };
}

/** Progress notifications for the call, when it sent a progress token. */
function progressSink(ctx: ServerContext): ProgressSink | undefined {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) return undefined;
  return (progress, total, message) =>
    void ctx.mcpReq
      .notify({
        method: "notifications/progress",
        params: { progressToken: token, progress, total, message },
      })
      .catch(() => undefined);
}
