/**
 * The trust boundary for model answers and cache files: every parse of data from outside the
 * process that the LLM layer reads happens here, validated with zod. Nothing else casts.
 */
import { z } from "zod";
import { RISK_LEVELS, type RiskLevel } from "../core/risk.js";
import { DECISION_ACTIONS, type DecisionAction } from "./types.js";

/** Longest reasoning kept from a model answer, in characters. */
export const MAX_REASONING_CHARS = 400;

const classifyEnvelope = z.object({ steps: z.array(z.unknown()) });
const classifyItem = z.object({
  index: z.number().int(),
  risk_level: z.enum(RISK_LEVELS),
  reasoning: z.string().trim().min(1),
});
const indexOnly = z.object({ index: z.number().int() });

/** A usable answer for one step. */
export interface StepAnswer {
  readonly risk: RiskLevel;
  readonly reasoning: string;
}

/** For each expected step: its answer, or what was wrong. */
export interface ClassifyParse {
  readonly answers: ReadonlyMap<number, StepAnswer>;
  readonly problems: ReadonlyMap<number, string>;
}

/**
 * Validates a `classify_steps` tool input against the step indexes that were asked. Valid entries
 * are kept even when others are broken, so only the broken steps are asked again.
 */
export function parseClassifyAnswer(input: unknown, expected: readonly number[]): ClassifyParse {
  const answers = new Map<number, StepAnswer>();
  const problems = new Map<number, string>();
  const envelope = classifyEnvelope.safeParse(input);
  if (!envelope.success) {
    const why = `malformed answer: ${summarise(envelope.error)}`;
    for (const index of expected) problems.set(index, why);
    return { answers, problems };
  }
  const wanted = new Set(expected);
  for (const raw of envelope.data.steps) {
    const item = classifyItem.safeParse(raw);
    if (!item.success) {
      const index = indexOnly.safeParse(raw);
      if (index.success && wanted.has(index.data.index) && !answers.has(index.data.index)) {
        problems.set(index.data.index, `invalid entry: ${summarise(item.error)}`);
      }
      continue;
    }
    const { index, risk_level: risk, reasoning } = item.data;
    if (!wanted.has(index)) continue;
    const earlier = answers.get(index);
    if (earlier !== undefined && earlier.risk !== risk) {
      answers.delete(index);
      problems.set(index, `conflicting answers \`${earlier.risk}\` and \`${risk}\``);
      wanted.delete(index);
      continue;
    }
    problems.delete(index);
    answers.set(index, { risk, reasoning: tidy(reasoning) });
  }
  for (const index of expected) {
    if (!answers.has(index) && !problems.has(index)) problems.set(index, "no answer for this step");
  }
  return { answers, problems };
}

const decideAnswer = z.object({
  action: z.enum(DECISION_ACTIONS),
  skip_steps: z.array(z.number().int()).default([]),
  reasoning: z.string().trim().min(1),
});

/** A validated `decide_next` tool input, before filtering to the remaining steps. */
export type DecideParse =
  | {
      readonly ok: true;
      readonly action: DecisionAction;
      readonly skipSteps: readonly number[];
      readonly reasoning: string;
    }
  | { readonly ok: false; readonly problem: string };

/** Validates a `decide_next` tool input. */
export function parseDecideAnswer(input: unknown): DecideParse {
  const parsed = decideAnswer.safeParse(input);
  if (!parsed.success)
    return { ok: false, problem: `malformed answer: ${summarise(parsed.error)}` };
  const { action, skip_steps: skipSteps, reasoning } = parsed.data;
  return { ok: true, action, skipSteps, reasoning: tidy(reasoning) };
}

const cacheEntry = z.object({
  version: z.literal(1),
  risk: z.enum(RISK_LEVELS),
  reasoning: z.string().min(1),
});

/** The JSON stored in one cache file. */
export interface CacheEntry {
  readonly version: 1;
  readonly risk: RiskLevel;
  readonly reasoning: string;
}

/** Reads a cache file's text; `undefined` when it is not valid JSON or not a valid entry. */
export function parseCacheEntry(text: string): CacheEntry | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = cacheEntry.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

/** One line, no control characters, bounded length: model text ends up in terminals and reports. */
function tidy(text: string): string {
  const flat = text.replace(/[\p{Cc}\s]+/gu, " ").trim();
  return flat.length <= MAX_REASONING_CHARS ? flat : `${flat.slice(0, MAX_REASONING_CHARS - 1)}…`;
}

/** The first zod issue as `path: message`, short enough for a reason line. */
function summarise(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "does not match the schema";
  const where = issue.path.length === 0 ? "input" : issue.path.join(".");
  return `${where}: ${issue.message}`;
}

const errorBody = z.object({
  type: z.literal("error"),
  error: z.object({ type: z.string(), message: z.string() }),
});

/** The `{ type: "error", error: { type, message } }` body of a failed API call, when it is one. */
export function parseErrorBody(
  body: unknown,
): { readonly type: string; readonly message: string } | undefined {
  const parsed = errorBody.safeParse(body);
  return parsed.success ? parsed.data.error : undefined;
}
