import type { RunView } from "./ports.js";

/** One view that tells every given view each event, in order (the terminal, then Slack…). */
export function teeRunView(first: RunView, ...others: readonly RunView[]): RunView {
  if (others.length === 0) return first;
  const views = [first, ...others];
  return {
    runStarted: (info) => views.forEach((view) => view.runStarted(info)),
    stepStarted: (step, attempt) => views.forEach((view) => view.stepStarted(step, attempt)),
    output: (chunk, stream) => views.forEach((view) => view.output(chunk, stream)),
    stepFinished: (step, outcome, info) =>
      views.forEach((view) => view.stepFinished(step, outcome, info)),
    decision: (step, decision, applied) =>
      views.forEach((view) => view.decision(step, decision, applied)),
    head: (head) => views.forEach((view) => view.head(head)),
    notice: (message) => views.forEach((view) => view.notice(message)),
    runFinished: (summary) => views.forEach((view) => view.runFinished(summary)),
  };
}
