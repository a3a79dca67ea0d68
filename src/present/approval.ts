import type { Interpreter } from "../core/runbook.js";
import { buildLaunch } from "../execute/launch.js";
import { escapeControlChars } from "./escape/terminal.js";
import type { ApprovalRequest } from "../gate/types.js";

/**
 * How to get an approval when there is no terminal to ask (printed with a `no_channel` denial).
 */
export const NO_CHANNEL_HINT =
  "To approve steps: run `runbook-exec run` in an interactive terminal, " +
  "or set SLACK_BOT_TOKEN and `slack_channel` to approve in Slack, " +
  "or pass `--auto-approve <level>` to run steps up to that risk without asking.";

const SCRIPT_GUTTER = "    │ ";

/**
 * Pure: the approval request as plain text for a terminal, under `heading`. Every runbook string is escaped,
 * and each script is shown in full, line by line, so what runs is exactly what is read.
 */
export function renderApprovalRequest(
  request: ApprovalRequest,
  heading = "Approval needed",
): string {
  const { step } = request;
  const shown = (text: string): string => escapeControlChars(text, "visible");
  const oneLine = (text: string): string => shown(text).replaceAll("\n", " ");
  const lines = [
    `${heading}: step ${step.index} of "${oneLine(request.runbookTitle)}" (${oneLine(request.runbookPath)})`,
    `  Section: ${oneLine(step.section) || "(none)"}`,
    `  Step:    ${oneLine(step.text)}`,
    `  Risk:    ${step.risk} (from ${step.riskSource})`,
  ];
  if (step.reasons.length > 0) lines.push("  Reasons:");
  for (const reason of step.reasons)
    lines.push(`    - ${oneLine(reason.ruleId)}: ${oneLine(reason.message)}`);
  const parameters = step.parameters ?? [];
  if (parameters.length > 0) lines.push("  Parameters (environment variables of the scripts):");
  for (const { name, value } of parameters)
    lines.push(`    ${oneLine(name)}=${parameterValue(value)}`);
  let escaped = false;
  for (const [offset, command] of step.commands.entries()) {
    const body = shown(command.script.replace(/\n$/, ""));
    escaped ||= body !== command.script.replace(/\n$/, "");
    const scriptLines = body.split("\n");
    const language = oneLine(command.language) || "default shell";
    const count = `${scriptLines.length} line${scriptLines.length === 1 ? "" : "s"}`;
    lines.push(`  Script ${offset + 1} of ${step.commands.length} (${language}, ${count}):`);
    if (command.interpreter !== undefined)
      lines.push(`    runs as: ${commandLine(command.interpreter)}`);
    if (command.detach === true)
      lines.push("    detach=true: processes it starts keep running after the step ends");
    for (const line of scriptLines) lines.push(`${SCRIPT_GUTTER}${line}`);
  }
  if (escaped) {
    lines.push(
      "  Note: the script contains control or invisible characters, shown as <ESC>, <CR>, <U+XXXX>.",
    );
  }
  lines.push(`  Step hash: ${request.stepHash}`);
  return `${lines.join("\n")}\n`;
}

/** A value exactly as the step gets it: JSON-quoted when blanks, quotes or control characters would hide its edges. */
function parameterValue(value: string): string {
  const plain = value !== "" && /^[\w@%+=:,./*-]+$/.test(value);
  return escapeControlChars(plain ? value : JSON.stringify(value), "visible");
}

/** `bash --noprofile … -c SCRIPT` or `psql -X -f - < SCRIPT`: what will be executed. */
function commandLine(interpreter: Interpreter): string {
  const launch = buildLaunch(interpreter, "SCRIPT");
  const words = [launch.file, ...launch.args].map((word) =>
    word === "SCRIPT" || /^[\w@%+=:,./-]+$/.test(word) ? word : JSON.stringify(word),
  );
  const line = words.join(" ");
  return escapeControlChars(launch.stdin === undefined ? line : `${line} < SCRIPT`, "visible");
}
