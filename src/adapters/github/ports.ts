import type { Annotation } from "../../present/action/annotations.js";
import type { ChangedFile } from "../../faces/action/changed-files.js";
import type { InputName, OutputName } from "../../faces/action/inputs.js";

/** The runner as the action sees it; implemented over `@actions/core` in `src/adapters/github`. */
export interface ActionIO {
  /** Raw input value, `""` when unset. */
  getInput(name: InputName): string;
  setOutput(name: OutputName, value: string): void;
  annotate(annotation: Annotation): void;
  info(message: string): void;
  /** Mask a value in the live log. */
  setSecret(value: string): void;
  /** Append Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  /** Mark the step failed with one message (an error annotation without a file). */
  fail(message: string): void;
}

/** The pull request that triggered the run, from the event payload. */
export interface PullRequest {
  readonly owner: string;
  readonly repo: string;
  readonly number: number;
  readonly baseSha: string;
  readonly headSha: string;
  /** `changed_files` from the payload, when present. */
  readonly changedFiles: number | undefined;
}

/** Two ways to learn a pull request's files: the REST API, and `git diff` in a full checkout. */
export interface ChangedFilesSource {
  fromApi(pullRequest: PullRequest): Promise<readonly ChangedFile[]>;
  fromGit(pullRequest: PullRequest): Promise<readonly ChangedFile[]>;
}
