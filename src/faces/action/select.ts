import { access } from "node:fs/promises";
import path from "node:path";
import { RunbookExecError } from "../../core/errors.js";
import { discoverRunbooks } from "../../app/discover.js";
import { runbookMatcher, selectChangedRunbooks } from "./changed-files.js";
import { type ChangedFile } from "../../adapters/github/ports.js";
import type { ActionInputs } from "./inputs.js";
import type { ChangedFilesSource, PullRequest } from "../../adapters/github/ports.js";
import type { ActionIO } from "./ports.js";

/** The runbooks to validate and why these. */
export interface Selection {
  /** Absolute paths. */
  readonly files: readonly string[];
  /** Named inputs that matched nothing (`INPUT_NOT_FOUND`); reported like unreadable files. */
  readonly problems: readonly RunbookExecError[];
  /** Workspace-relative runbooks the pull request deleted. */
  readonly deleted: readonly string[];
  /** One sentence for the summary. */
  readonly scope: string;
}

/** What selection needs from the run. */
export interface SelectionContext {
  readonly workspace: string;
  readonly pullRequest: PullRequest | undefined;
  readonly changedFiles: ChangedFilesSource;
  readonly io: Pick<ActionIO, "info">;
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The pull request's files from the API; from `git diff` when the API fails or lists fewer files
 * than the pull request has (it stops at 3,000).
 */
async function pullRequestFiles(
  pr: PullRequest,
  context: SelectionContext,
): Promise<readonly ChangedFile[]> {
  let fromApi: readonly ChangedFile[];
  try {
    fromApi = await context.changedFiles.fromApi(pr);
  } catch (apiError) {
    context.io.info(
      `Cannot list the pull request's files through the API (${reason(apiError)}); trying git diff.`,
    );
    try {
      return await context.changedFiles.fromGit(pr);
    } catch (gitError) {
      throw new RunbookExecError(
        "INPUT_UNREADABLE",
        `Cannot list the files of pull request #${pr.number}. API: ${reason(apiError)} git: ${reason(gitError)} ` +
          "Fix: give the job `pull-requests: read`, or check out with `fetch-depth: 0`, or name the files in the `runbooks` input.",
        { cause: gitError },
      );
    }
  }
  if (pr.changedFiles === undefined || fromApi.length >= pr.changedFiles) return fromApi;
  context.io.info(
    `The API listed ${fromApi.length} of ${pr.changedFiles} changed files; trying git diff for all of them.`,
  );
  try {
    return await context.changedFiles.fromGit(pr);
  } catch (gitError) {
    context.io.info(
      `git diff failed too (${reason(gitError)}); validating the files the API listed.`,
    );
    return fromApi;
  }
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** Changed runbooks split into those in the workspace and problems for those that are not. */
async function inWorkspace(
  files: readonly string[],
  pr: PullRequest,
  cwd: string,
): Promise<Pick<Selection, "files" | "problems">> {
  const found = await Promise.all(files.map((file) => exists(path.resolve(cwd, file))));
  return {
    files: files.filter((_, i) => found[i]).map((file) => path.resolve(cwd, file)),
    problems: files
      .filter((_, i) => !found[i])
      .map(
        (file) =>
          new RunbookExecError(
            "INPUT_NOT_FOUND",
            `changed in pull request #${pr.number} but not in the workspace; fix: check out the pull request with actions/checkout before this step`,
            { file },
          ),
      ),
  };
}

/**
 * Which runbooks to validate: the ones named in `runbooks`; else, in a pull request, the changed
 * files matching `paths`; else every file matching `paths`.
 */
export async function selectRunbooks(
  inputs: ActionInputs,
  context: SelectionContext,
): Promise<Selection> {
  const cwd = context.workspace;
  if (inputs.runbooks.length > 0) {
    const { files, problems } = await discoverRunbooks(inputs.runbooks, {
      cwd,
      unmatchedGlobFix:
        "check the pattern in the `runbooks` input (matched from the workspace root, after actions/checkout)",
    });
    return { files, problems, deleted: [], scope: "Runbooks named in the `runbooks` input." };
  }
  const pr = context.pullRequest;
  if (pr !== undefined) {
    const changed = await pullRequestFiles(pr, context);
    const { present, deleted } = selectChangedRunbooks(changed, runbookMatcher(inputs.paths));
    return {
      ...(await inWorkspace(present, pr, cwd)),
      deleted,
      scope: `Runbooks changed in pull request #${pr.number}: ${present.length} of ${changed.length} changed files.`,
    };
  }
  // `paths` are patterns, not names: one that matches nothing (no docs/runbooks/) is no problem.
  const { files } = await discoverRunbooks(inputs.paths, { cwd });
  return { files, problems: [], deleted: [], scope: "All runbooks matching `paths`." };
}
