import type { ClassifyParse, StepAnswer } from "./answers.js";
import { parseClassifyAnswer } from "./answers.js";
import { cacheKey, type AnswerCache } from "./cache.js";
import { looksLikeInjection } from "./injection.js";
import { chunk, createLimiter } from "./limit.js";
import {
  buildClassifyPrompt,
  CLASSIFY_PROMPT_VERSION,
  CLASSIFY_SYSTEM_PROMPT,
  CLASSIFY_TOOL,
} from "./prompts/classify.js";
import type { Redact, ToolTransport } from "./types.js";
import type { LlmVerdict, RiskModel, RunbookToClassify, StepToClassify } from "../risk/model.js";

/** Most steps in one request (issue 3). */
export const MAX_BATCH_STEPS = 25;

/** Output tokens for one batch: room for 25 one-sentence answers. */
const BATCH_MAX_TOKENS = 4096;

/** How the classifier is put together; see {@link createRiskModel}. */
export interface RiskModelOptions {
  readonly transport: ToolTransport;
  readonly redact: Redact;
  /** Omit to classify without a cache. */
  readonly cache?: AnswerCache | undefined;
  /** Requests in flight at once, across all runbooks. */
  readonly concurrency: number;
  readonly batchSize?: number | undefined;
}

/** What one request produced: a transport failure, or answers and problems per step. */
interface BatchOutcome {
  readonly failure: string | undefined;
  readonly answers: ReadonlyMap<Pending, StepAnswer>;
  readonly problems: ReadonlyMap<Pending, string>;
}

/** A step on its way through a request, with where its verdict goes. */
interface Pending {
  readonly item: StepToClassify;
  readonly key: string;
  readonly runbook: number;
  readonly position: number;
}

/**
 * A {@link RiskModel} over any {@link ToolTransport}: cached answers first, then the rest in
 * batches of at most 25 steps of one runbook, at most `concurrency` requests at a time. Steps whose
 * answer is missing or invalid are asked once more in one follow-up request per batch; after that,
 * and after any transport failure, they come back `unusable` so the rules' verdict stands.
 */
export function createRiskModel(options: RiskModelOptions): RiskModel {
  const { transport, redact, cache } = options;
  const batchSize = options.batchSize ?? MAX_BATCH_STEPS;
  const limit = createLimiter(options.concurrency);

  /** One request; a transport failure applies to every step of the batch. */
  const ask = async (title: string, batch: readonly Pending[]): Promise<BatchOutcome> => {
    const result = await limit(() =>
      transport.callTool({
        system: CLASSIFY_SYSTEM_PROMPT,
        prompt: buildClassifyPrompt(
          title,
          batch.map((pending) => pending.item),
          redact,
        ),
        tool: CLASSIFY_TOOL,
        maxTokens: BATCH_MAX_TOKENS,
      }),
    );
    if (!result.ok && result.failure !== "no_tool_call") {
      return { failure: result.message, answers: new Map(), problems: new Map() };
    }
    const indexes = batch.map((pending) => pending.item.step.index);
    // An answer without the tool call is a malformed answer: asked again like one.
    const parsed: ClassifyParse = result.ok
      ? parseClassifyAnswer(result.input, indexes)
      : { answers: new Map(), problems: new Map(indexes.map((index) => [index, result.message])) };
    const answers = new Map<Pending, StepAnswer>();
    const problems = new Map<Pending, string>();
    for (const pending of batch) {
      const answer = parsed.answers.get(pending.item.step.index);
      if (answer === undefined) {
        problems.set(
          pending,
          parsed.problems.get(pending.item.step.index) ?? "no answer for this step",
        );
      } else {
        answers.set(pending, answer);
        await cache?.set(pending.key, answer);
      }
    }
    return { failure: undefined, answers, problems };
  };

  /** A batch, plus one follow-up request for the steps whose answer was unusable. */
  const runBatch = async (
    title: string,
    batch: readonly Pending[],
  ): Promise<Map<Pending, LlmVerdict>> => {
    const first = await ask(title, batch);
    const retry = first.failure === undefined ? [...first.problems.keys()] : [];
    const second = retry.length > 0 ? await ask(title, retry) : undefined;
    const verdicts = new Map<Pending, LlmVerdict>();
    for (const pending of batch) {
      const answer = first.answers.get(pending) ?? second?.answers.get(pending);
      const detail =
        second?.failure ??
        second?.problems.get(pending) ??
        first.failure ??
        first.problems.get(pending) ??
        "no answer for this step";
      verdicts.set(
        pending,
        answer === undefined ? { kind: "unusable", detail } : toVerdict(pending.item, answer),
      );
    }
    return verdicts;
  };

  return {
    async classify(runbooks: readonly RunbookToClassify[]) {
      const results = runbooks.map((runbook) =>
        runbook.steps.map((): LlmVerdict | undefined => undefined),
      );
      const work: Promise<void>[] = [];
      for (const [runbookIndex, runbook] of runbooks.entries()) {
        const misses: Pending[] = [];
        for (const [position, item] of runbook.steps.entries()) {
          if (item.step.commands.length === 0) continue;
          const key = cacheKey({
            model: transport.model,
            promptVersion: CLASSIFY_PROMPT_VERSION,
            text: redact(item.step.text),
            commands: item.step.commands.map((command) => ({
              language: command.language,
              script: redact(command.script),
            })),
          });
          const pending: Pending = { item, key, runbook: runbookIndex, position };
          const cached = await cache?.get(key);
          if (cached === undefined) misses.push(pending);
          else setResult(results, pending, toVerdict(item, cached));
        }
        for (const batch of chunk(misses, batchSize)) {
          work.push(
            runBatch(runbook.title, batch).then((verdicts) => {
              for (const [pending, verdict] of verdicts) setResult(results, pending, verdict);
            }),
          );
        }
      }
      await Promise.all(work);
      return results;
    },
  };
}

/** The model's answer, flagged when the step's own words address the classifier. */
function toVerdict(item: StepToClassify, answer: StepAnswer): LlmVerdict {
  const { step } = item;
  const words = [step.section, step.text, ...step.commands.map((command) => command.script)].join(
    "\n",
  );
  return {
    kind: "answer",
    risk: answer.risk,
    reasoning: answer.reasoning,
    injectionSuspected: looksLikeInjection(words),
  };
}

function setResult(
  results: (LlmVerdict | undefined)[][],
  pending: Pending,
  verdict: LlmVerdict,
): void {
  const row = results[pending.runbook];
  if (row !== undefined) row[pending.position] = verdict;
}
