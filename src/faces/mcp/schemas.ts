import { z } from "zod";
import { RISK_LEVELS, RISK_SOURCES } from "../../core/risk.js";

// Every tool's arguments are strict objects: an unknown argument is an error, never ignored, so
// nothing an agent adds (`approved`, `auto_approve`, `risk`…) can reach the engine (invariant 13).

const runbookPath = z
  .string()
  .min(1)
  .max(4096)
  .describe("the runbook's path, relative to the server's root");
const vars = z
  .record(z.string().min(1).max(200), z.string().max(65536))
  .describe("parameter values by name (front matter or placeholders), like `--var NAME=value`");

export const VALIDATE_INPUT = z.strictObject({ path: runbookPath });
export const PLAN_INPUT = z.strictObject({ path: runbookPath, vars: vars.optional() });
export const EXECUTE_INPUT = z.strictObject({
  path: runbookPath,
  dry_run: z
    .boolean()
    .default(true)
    .describe("true (the default): show the plan and write a dry-run audit log; run nothing"),
  incident_id: z.string().min(1).max(200).optional().describe("names the audit log"),
  vars: vars.optional(),
  from_step: z.number().int().min(1).optional().describe("start at step N"),
});
export const GET_RUN_INPUT = z.strictObject({ run_id: z.string().min(1).max(100) });
export const LIST_RUNS_INPUT = z.strictObject({});
export const REPLAY_INPUT = z.strictObject({
  path: z.string().min(1).max(4096).describe("the audit log's path, relative to the root"),
});

const risk = z.enum(RISK_LEVELS);
const reason = z.object({ ruleId: z.string(), message: z.string() });
const command = z.object({ language: z.string(), line: z.number(), script: z.string() });

/** A step as `validate --format json` shows it; the plan adds to it. */
const STEP_FIELDS = {
  index: z.number(),
  line: z.number(),
  section: z.string(),
  text: z.string(),
  commands: z.array(command),
  risk,
  riskSource: z.enum(RISK_SOURCES),
  reasons: z.array(reason),
  needsApproval: z.boolean(),
};

/** The `validate --format json` document (design.md, "Public contracts"). */
export const VALIDATE_OUTPUT = z.object({
  schemaVersion: z.literal(1),
  runbooks: z.array(
    z.object({
      path: z.string(),
      title: z.string(),
      steps: z.array(z.object(STEP_FIELDS)),
      findings: z.array(
        z.object({
          ruleId: z.string(),
          severity: z.string(),
          line: z.number(),
          column: z.number(),
          message: z.string(),
          fix: z.string().nullable(),
        }),
      ),
    }),
  ),
});

/** Who may approve a step in this server: nobody needed, the client, Slack only, or nobody. */
export const APPROVERS = ["auto", "mcp_client", "mcp_client_or_slack", "slack", "nobody"] as const;

export const PLAN_OUTPUT = z.object({
  runbook: z.object({ path: z.string(), title: z.string(), sha256: z.string() }),
  planHash: z.string(),
  autoApproveLevel: risk,
  mcpMaxApprovalLevel: risk,
  parameters: z.array(z.object({ name: z.string(), value: z.string().nullable() })),
  steps: z.array(
    z.object({
      ...STEP_FIELDS,
      disposition: z.string(),
      approvedBy: z.enum(APPROVERS),
      stepHash: z.string(),
      timeoutSeconds: z.number(),
    }),
  ),
  findings: z.array(
    z.object({ ruleId: z.string(), severity: z.string(), line: z.number(), message: z.string() }),
  ),
});

const stepResult = z.object({
  index: z.number(),
  name: z.string().nullable(),
  risk: z.string().nullable(),
  approval: z
    .object({
      decision: z.string().nullable(),
      channel: z.string().nullable(),
      approver: z.string().nullable(),
    })
    .nullable(),
  status: z.string(),
  detail: z.string().nullable(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  timedOut: z.boolean().nullable(),
  durationMs: z.number().nullable(),
  output: z.object({ head: z.string(), tail: z.string(), truncated: z.boolean() }).nullable(),
});

/** A run's result: what `execute_runbook` returns and `get_run` shows once it ended. */
export const RUN_OUTPUT = z.object({
  runId: z.string(),
  mode: z.enum(["live", "dry-run"]),
  runbook: z.string(),
  state: z.enum(["running", "waiting_for_answer", "finished"]),
  status: z.string().nullable(),
  exitCode: z.number().nullable(),
  durationMs: z.number().nullable(),
  pendingQuestion: z
    .object({ kind: z.string(), step: z.number(), stepHash: z.string() })
    .nullable(),
  steps: z.array(stepResult),
  auditLog: z.object({ path: z.string(), head: z.string().nullable(), verified: z.string() }),
  notices: z.array(z.string()),
  refusedAnswers: z.array(z.string()),
});

export const LIST_RUNS_OUTPUT = z.object({
  runs: z.array(
    RUN_OUTPUT.pick({
      runId: true,
      mode: true,
      runbook: true,
      state: true,
      status: true,
      pendingQuestion: true,
    }),
  ),
  refusedAnswers: z.array(z.string()),
});

/** The `replay --json` document: checked at the top level, its timeline as the CLI prints it. */
export const REPLAY_OUTPUT = z
  .object({
    schemaVersion: z.literal(1),
    log: z.string(),
    status: z.enum(["intact", "incomplete", "tampered"]),
    exitCode: z.number(),
    runId: z.string().nullable(),
    records: z.object({ total: z.number(), verified: z.number() }),
    head: z.object({ seq: z.number(), hash: z.string() }).nullable(),
    timeline: z.array(z.record(z.string(), z.unknown())),
  })
  .loose();
