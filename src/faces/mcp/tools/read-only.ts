import type { McpServer } from "@modelcontextprotocol/server";
import path from "node:path";
import { confinePath } from "../../../app/confine.js";
import { validateRunbooks } from "../../../app/validate.js";
import { replayLogs } from "../../../app/replay.js";
import { RunbookExecError } from "../../../core/errors.js";
import { planHash } from "../../../plan/plan-hash.js";
import { shownRunParameters } from "../../../plan/parameters.js";
import { auditKeyFrom, AUDIT_KEY_ENV } from "../../../redact/secret-env.js";
import { buildReport, renderJson } from "../../../present/replay/json.js";
import { buildTimeline } from "../../../present/replay/timeline.js";
import { formatJson } from "../../../present/validate/json.js";
import { relativeError, relativizeReport } from "../../../present/validate/paths.js";
import type { McpContext } from "../context.js";
import { planForMcp } from "../prepare.js";
import { guarded, structured } from "../results.js";
import {
  PLAN_INPUT,
  PLAN_OUTPUT,
  REPLAY_INPUT,
  REPLAY_OUTPUT,
  VALIDATE_INPUT,
  VALIDATE_OUTPUT,
} from "../schemas.js";
import { approvedBy } from "./approved-by.js";

/** `replay` exit codes, as the CLI's `replay --json` reports them (design.md, "Exit codes"). */

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true } as const;

/** `validate_runbook`, `plan_runbook` and `replay_audit_log`: they read, never run or write. */
export function registerReadOnlyTools(server: McpServer, context: McpContext): void {
  const log = (message: string): void =>
    void context.log.write(`runbook-exec mcp-server: ${message}\n`);
  const usesClaude = context.riskModel !== undefined;

  server.registerTool(
    "validate_runbook",
    {
      title: "Validate a runbook",
      description:
        "Lint a Markdown runbook and classify the risk of every step, running nothing. Returns the " +
        "`runbook-exec validate --format json` document: steps, commands, risk, reasons, findings.",
      inputSchema: VALIDATE_INPUT,
      outputSchema: VALIDATE_OUTPUT,
      annotations: { ...READ_ONLY, openWorldHint: usesClaude },
    },
    ({ path: input }) =>
      guarded(async () => {
        const file = await confinePath(context.root, input);
        const outcome = await validateRunbooks([file], {
          config: context.config,
          riskModel: context.riskModel,
        });
        const unreadable = outcome.unreadable[0];
        if (unreadable !== undefined) throw relativeError(unreadable, context.root);
        const text = formatJson(relativizeReport(outcome.report, context.root));
        return structured(JSON.parse(text) as Record<string, unknown>, text);
      }, log),
  );

  server.registerTool(
    "plan_runbook",
    {
      title: "Plan a runbook run",
      description:
        "What a run would do, running nothing: each step's exact scripts, risk and reasons, whether it " +
        "needs a person's approval and who may give it here, and the plan hash.",
      inputSchema: PLAN_INPUT,
      outputSchema: PLAN_OUTPUT,
      annotations: { ...READ_ONLY, openWorldHint: usesClaude },
    },
    ({ path: input, vars }) =>
      guarded(async () => {
        const prepared = await planForMcp(context, {
          path: input,
          vars: vars ?? {},
          fromStep: 1,
          incidentId: undefined,
          dryRun: true,
        });
        const { config } = context;
        const shown = shownRunParameters(prepared.parameters.specs, prepared.parameters.values);
        return structured({
          runbook: {
            path: path.relative(context.root, prepared.runbook.path),
            title: prepared.runbook.title,
            sha256: prepared.runbook.sha256,
          },
          planHash: planHash(prepared.runbook.sha256, prepared.steps),
          autoApproveLevel: config.autoApproveLevel,
          mcpMaxApprovalLevel: config.mcpMaxApprovalLevel,
          parameters: prepared.parameters.specs.map((spec) => ({
            name: spec.name,
            value: shown[spec.name] ?? null,
          })),
          steps: prepared.steps.map((planned) => ({
            index: planned.step.index,
            line: planned.step.line,
            section: planned.step.section,
            text: planned.step.text,
            disposition: planned.disposition,
            risk: planned.risk,
            riskSource: planned.riskSource,
            reasons: planned.reasons.map(({ ruleId, message }) => ({ ruleId, message })),
            needsApproval: planned.needsApproval,
            approvedBy: approvedBy(planned, config, context),
            stepHash: planned.stepHash,
            timeoutSeconds: planned.timeoutSeconds,
            commands: planned.step.commands.map(({ language, line, script }) => ({
              language,
              line,
              script,
            })),
          })),
          findings: prepared.findings.map(({ ruleId, severity, line, message }) => ({
            ruleId,
            severity,
            line,
            message,
          })),
        });
      }, log),
  );

  server.registerTool(
    "replay_audit_log",
    {
      title: "Verify an audit log",
      description:
        "Verify an audit log's hash chain and return the run's timeline with the verdict: the " +
        "`runbook-exec replay --json` document (status intact, incomplete or tampered).",
      inputSchema: REPLAY_INPUT,
      outputSchema: REPLAY_OUTPUT,
      annotations: { ...READ_ONLY, openWorldHint: false },
    },
    ({ path: input }) =>
      guarded(async () => {
        const file = await confinePath(context.root, input);
        // The CLI's `replay LOG --json`: the same verification, "not an audit log" included.
        const outcome = await replayLogs({
          logs: [file],
          cwd: context.root,
          key: auditKeyFrom(context.env, AUDIT_KEY_ENV),
          expectHead: undefined,
        });
        const [unreadable] = outcome.unreadable;
        if (unreadable !== undefined) throw unreadable.error;
        const [only] = outcome.verified;
        if (only === undefined) throw new RunbookExecError("USAGE", `${input}: nothing to verify`);
        const report = buildReport(only.result, buildTimeline(only.result), {
          logPath: input,
          exitCode: outcome.exitCode,
          expectHead: undefined,
          link: null,
        });
        const text = renderJson(report);
        return structured(JSON.parse(text) as Record<string, unknown>, text);
      }, log),
  );
}
