import { askRerunAtTerminal } from "../../adapters/terminal/ask-rerun.js";
import { RunbookExecError } from "../../core/errors.js";
import { approvalRequestFor } from "../../gate/ask.js";
import type { RerunChoice } from "../../plan/resume.js";
import type { PreparedRun } from "../../app/prepare-run.js";

/** What deciding about interrupted steps needs from the run command. */
export interface InterruptedInput {
  readonly prepared: PreparedRun;
  /** `--rerun-interrupted`. */
  readonly rerunFlag: boolean;
  readonly dryRun: boolean;
  readonly timeoutMs: number;
  /** A terminal to ask, or `undefined` (CI, a pipe). */
  readonly terminal:
    { readonly input: NodeJS.ReadableStream; readonly output: NodeJS.WritableStream } | undefined;
  readonly notice: (message: string) => void;
}

/**
 * Whether each step the resumed run left half-done runs again: `--rerun-interrupted` says yes
 * to all; else the operator is asked at the terminal, one step at a time, until one is refused;
 * with nobody to ask the run is refused before anything runs (exit 2). A dry run asks nothing.
 */
export async function chooseRerun(input: InterruptedInput): Promise<readonly RerunChoice[]> {
  const resume = input.prepared.resume;
  const interrupted = resume?.interrupted ?? [];
  const [first] = interrupted;
  if (resume === undefined || first === undefined) return [];
  const log = resume.info.link.path;
  if (input.rerunFlag) {
    const at = new Date().toISOString();
    return interrupted.map(({ step }) => ({ step, rerun: true, how: "flag", by: null, at }));
  }
  const what = (step: { step: number; startedAt: string; line: number }): string =>
    `step ${step.step} was interrupted half-way in \`${log}\` (started at ${step.startedAt}, line ${step.line}, no result): it may have partly run`;
  if (input.dryRun) {
    for (const step of interrupted)
      input.notice(`${what(step)}; a live resume asks whether to run it again`);
    return [];
  }
  if (input.terminal === undefined) {
    throw new RunbookExecError(
      "USAGE",
      `${what(first)}. Nothing ran: check what it did, then resume in a terminal to be asked, or pass --rerun-interrupted to run it again`,
      { file: log, line: first.line },
    );
  }
  const choices: RerunChoice[] = [];
  for (const started of interrupted) {
    const planned = input.prepared.steps.find((step) => step.step.index === started.step);
    if (planned === undefined) continue;
    const request = approvalRequestFor(planned, {
      title: input.prepared.runbook.title,
      path: input.prepared.shownPath,
    });
    const choice = await askRerunAtTerminal(
      { request, log, line: started.line, startedAt: started.startedAt, changed: started.changed },
      { ...input.terminal, timeoutMs: input.timeoutMs },
    );
    choices.push(choice);
    if (!choice.rerun) break;
  }
  return choices;
}
