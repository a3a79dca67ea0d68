import { buildLaunch } from "../execute/launch.js";
import { escapeControlChars } from "./escape/terminal.js";
import type { PlannedStep } from "../plan/plan.js";
import { shownValue } from "../plan/parameters.js";

const GUTTER = "    │ ";

const DISPOSITION_NOTE: Readonly<Record<PlannedStep["disposition"], string>> = {
  run: "",
  no_command: "skipped: no executable command",
  not_selected: "skipped: before --from-step",
  already_done: "skipped: completed in the resumed log",
};

function oneLine(text: string): string {
  return escapeControlChars(text, "visible").replaceAll("\n", " ");
}

/** The exact program and arguments a script runs with, the script itself shown below it. */
function commandLine(planned: PlannedStep["step"]["commands"][number]): string {
  const launch = buildLaunch(planned.interpreter, "<script>");
  const via = launch.stdin === undefined ? "" : " < <script>";
  return oneLine([launch.file, ...launch.args].join(" ") + via);
}

/**
 * Pure: the dry-run plan for people. Every step with its risk, where the risk came from, the
 * reasons, whether it would need approval, and each script exactly as it would run (escaped,
 * nothing hidden). Parameters are listed as the environment variables the steps receive, with
 * their values (secret ones as `***`, missing ones as `(unbound)`), and again under each step.
 */
export function formatPlan(input: {
  readonly title: string;
  readonly path: string;
  readonly steps: readonly PlannedStep[];
  readonly parameters: Readonly<Record<string, string>>;
  readonly autoApproveLevel: string;
}): string {
  const lines = [
    `Dry run of "${oneLine(input.title)}" (${oneLine(input.path)}): nothing is executed.`,
    `Auto-approve level: ${input.autoApproveLevel}; steps above it need approval.`,
  ];
  const names = Object.keys(input.parameters);
  if (names.length > 0) {
    lines.push("Parameters (environment variables of the steps; secret values shown as ***):");
    for (const name of names) lines.push(`  ${name}=${oneLine(input.parameters[name] ?? "")}`);
  }
  for (const planned of input.steps) lines.push("", ...stepLines(planned));
  return `${lines.join("\n")}\n`;
}

function stepLines(planned: PlannedStep): string[] {
  const { step } = planned;
  const approval = planned.needsApproval ? "needs approval" : "runs without approval";
  const note = DISPOSITION_NOTE[planned.disposition];
  const lines = [
    `Step ${step.index} (line ${step.line}): ${oneLine(step.name ?? step.text)}`,
    `  Section: ${oneLine(step.section) || "(none)"}`,
    `  Risk:    ${planned.risk} (from ${planned.riskSource}); ${note === "" ? approval : note}`,
  ];
  for (const reason of planned.reasons)
    lines.push(`    - ${oneLine(reason.ruleId)}: ${oneLine(reason.message)}`);
  if (step.commands.length > 0) lines.push(`  Timeout: ${planned.timeoutSeconds} s`);
  if (planned.parameters.length > 0) {
    const shown = planned.parameters.map((p) => `${p.name}=${shownValue(p)}`).join(", ");
    lines.push(`  Parameters: ${oneLine(shown)}`);
  }
  for (const [offset, command] of step.commands.entries()) {
    lines.push(
      `  Script ${offset + 1} of ${step.commands.length} (line ${command.line}): ${commandLine(command)}`,
    );
    const body = escapeControlChars(command.script.replace(/\n$/, ""), "visible");
    for (const line of body.split("\n")) lines.push(`${GUTTER}${line}`);
  }
  return lines;
}
