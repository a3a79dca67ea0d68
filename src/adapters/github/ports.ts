import type { Annotation } from "../../present/action/annotations.js";

/** The runner, over `@actions/core`: inputs, outputs, annotations, the log and the job summary. */
export interface RunnerIO {
  /** Raw input value, `""` when unset. */
  getInput(name: string): string;
  setOutput(name: string, value: string): void;
  annotate(annotation: Annotation): void;
  info(message: string): void;
  /** Mask a value in the live log. */
  setSecret(value: string): void;
  /** Append Markdown to the job summary. */
  writeSummary(markdown: string): Promise<void>;
  /** Mark the step failed with one message (an error annotation without a file). */
  fail(message: string): void;
  /** Raw text for the job log (step output, already wrapped in `::stop-commands::`). */
  writeLog(text: string): void;
  /** Keep a value for the action's `post:` entry. */
  saveState(name: string, value: string): void;
  /** A value the main entry saved, `""` when none. */
  getState(name: string): string;
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

/** A file's change in a pull request, as the GitHub API or `git diff` reports it. */
export interface ChangedFile {
  /** Workspace-relative path after the change (forward slashes). */
  readonly path: string;
  readonly status:
    "added" | "modified" | "removed" | "renamed" | "copied" | "changed" | "unchanged";
  /** Path before a rename or copy. */
  readonly previousPath?: string;
}
