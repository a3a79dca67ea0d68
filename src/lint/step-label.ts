import type { Step } from "../core/runbook.js";

const MAX_TEXT = 48;

/** `step 2 (`Restart the service`)`: how findings name a step, with its text for context. */
export function stepLabel(step: Step): string {
  const text =
    step.text
      .split("\n")[0]
      ?.replace(/`/g, "'")
      .replace(/[:.]\s*$/, "")
      .trim() ?? "";
  if (text === "") return `step ${step.index}`;
  const short = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1).trimEnd()}…` : text;
  return `step ${step.index} (\`${short}\`)`;
}
