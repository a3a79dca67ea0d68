import { renderIgnoredNote } from "../../present/slack/notes.js";
import {
  CHOICE_REACTIONS,
  renderOperatorQuestion,
  type OperatorMessageState,
} from "../../present/slack/operator-message.js";
import type {
  Operator,
  OperatorAnswer,
  OperatorChoice,
  OperatorQuestion,
} from "../../run/ports.js";
import {
  SlackApiError,
  type SlackApi,
  type SlackMessageRef,
  type SlackReaction,
  type SlackReply,
} from "../../gate/slack-api.js";
import type { SlackDirectory } from "./directory.js";
import { eligibility, type IgnoreReason } from "../../gate/slack-quorum.js";
import { wait } from "../../gate/wait.js";

/** Options of {@link SlackOperator}. */
export interface SlackOperatorOptions {
  readonly api: SlackApi;
  readonly channel: string;
  readonly directory: SlackDirectory;
  /** The run's thread (the notifications' start message), when there is one. */
  readonly thread: () => SlackMessageRef | undefined;
  /** No answer within this time means abort (`approval_timeout_seconds`). */
  readonly timeoutMs: number;
  readonly pollIntervalMs: number;
  /** Time between two reads of the thread's replies (Slack allows many apps 1 a minute). */
  readonly repliesIntervalMs: number;
}

const WORDS: ReadonlySet<string> = new Set(Object.keys(CHOICE_REACTIONS));

/**
 * Asks in Slack what happens after a failed or denied step, when nobody is at the terminal:
 * allowed approvers answer with a reaction or a reply word in the thread. A timeout, a Slack
 * failure, a stopped run, or answers that disagree mean abort; `retry` counts only while
 * retries are left.
 */
export class SlackOperator implements Operator {
  readonly channel = "slack" as const;
  readonly #options: SlackOperatorOptions;

  constructor(options: SlackOperatorOptions) {
    this.#options = options;
  }

  async choose(question: OperatorQuestion): Promise<OperatorAnswer> {
    const { api, channel, directory } = this.#options;
    const deadline = Date.now() + this.#options.timeoutMs;
    const info = {
      stepIndex: question.step.step.index,
      stepText: question.step.step.text,
      problem: question.problem,
      detail: question.detail,
      retriesLeft: question.retriesLeft,
      deadline: new Date(deadline).toISOString(),
    };
    const call = { deadline, signal: question.signal };
    const thread = this.#options.thread();
    let posted: SlackMessageRef | undefined;
    const finish = async (state: OperatorMessageState): Promise<void> => {
      if (posted === undefined) return;
      await api
        .update(posted, renderOperatorQuestion(info, state), { deadline: Date.now() + 10_000 })
        .catch(() => undefined);
    };
    try {
      const policy = await directory.policy(call);
      const message = renderOperatorQuestion(info, { kind: "pending" });
      // Not abandoned when the run stops mid-flight, so the question can be closed (bounded).
      posted = await api.post(
        channel,
        thread === undefined ? message : { ...message, threadTs: thread.ts },
        { deadline: Math.min(deadline, Date.now() + 15_000) },
      );
      if (question.signal.aborted) throw question.signal.reason;
      const root = thread ?? posted;
      const said = new Set<string>();
      let repliesDue = Date.now() + this.#options.pollIntervalMs;
      let replies: readonly SlackReply[] = [];
      for (;;) {
        const pause = Math.min(this.#options.pollIntervalMs, deadline - Date.now());
        if (pause <= 0) {
          await finish({ kind: "timed_out" });
          return { choice: "abort", how: "timeout" };
        }
        await wait(pause, question.signal);
        const reactions = await api.reactions(posted, call);
        if (Date.now() >= repliesDue) {
          repliesDue = Date.now() + this.#options.repliesIntervalMs;
          replies = (await api.replies(root, call)).filter(
            (reply) => reply.botId === undefined && Number(reply.ts) > Number(posted?.ts ?? 0),
          );
        }
        const answers = candidateAnswers(reactions, replies);
        await directory.learn(
          answers.map((a) => a.user),
          call,
        );
        const counted: { choice: OperatorChoice; user: string }[] = [];
        const ignored: { user: string; reaction: string; reason: IgnoreReason }[] = [];
        for (const answer of answers) {
          const verdict = eligibility(answer.user, policy, (user) => directory.isPerson(user));
          if (verdict !== "eligible")
            ignored.push({
              user: answer.user,
              reaction: CHOICE_REACTIONS[answer.choice],
              reason: verdict,
            });
          else if (answer.choice !== "retry" || question.retriesLeft > 0) counted.push(answer);
        }
        for (const entry of ignored) {
          const key = `${entry.user}:${entry.reason}`;
          if (said.has(key)) continue;
          said.add(key);
          await api
            .post(channel, { ...renderIgnoredNote(entry), threadTs: root.ts })
            .catch(() => undefined);
        }
        const chosen = decide(counted);
        if (chosen === undefined) continue;
        await finish(
          chosen === "conflict" ? { kind: "conflict" } : { kind: "answered", ...chosen },
        );
        return chosen === "conflict"
          ? { choice: "abort", how: "conflict" }
          : { choice: chosen.choice, how: "answered", by: chosen.by };
      }
    } catch (error) {
      if (question.signal.aborted) {
        void finish({ kind: "withdrawn" });
        return { choice: "abort", how: "interrupted" };
      }
      if (error instanceof SlackApiError && error.code === "deadline") {
        await finish({ kind: "timed_out" });
        return { choice: "abort", how: "timeout" };
      }
      await finish({
        kind: "failed",
        error: error instanceof Error ? error.message : String(error),
      });
      return { choice: "abort", how: "channel_error" };
    }
  }
}

/** Every answer seen: choice reactions on the question, and reply words in the thread. */
function candidateAnswers(
  reactions: readonly SlackReaction[],
  replies: readonly SlackReply[],
): { choice: OperatorChoice; user: string }[] {
  const answers: { choice: OperatorChoice; user: string }[] = [];
  for (const [choice, name] of Object.entries(CHOICE_REACTIONS) as [OperatorChoice, string][]) {
    for (const reaction of reactions)
      if (reaction.name.split("::")[0] === name)
        for (const user of reaction.users) answers.push({ choice, user });
  }
  for (const reply of replies) {
    const word =
      reply.text
        .trim()
        .toLowerCase()
        .split(/\s+/)[0]
        ?.replace(/[.!]+$/, "") ?? "";
    if (reply.user !== undefined && WORDS.has(word))
      answers.push({ choice: word as OperatorChoice, user: reply.user });
  }
  return answers;
}

/** Abort wins; otherwise the one choice everyone who answered agrees on; disagreement aborts. */
function decide(
  counted: readonly { choice: OperatorChoice; user: string }[],
): { choice: OperatorChoice; by: string } | "conflict" | undefined {
  const first = counted[0];
  if (first === undefined) return undefined;
  const abort = counted.find((answer) => answer.choice === "abort");
  if (abort !== undefined) return { choice: "abort", by: abort.user };
  if (counted.some((answer) => answer.choice !== first.choice)) return "conflict";
  return { choice: first.choice, by: first.user };
}
