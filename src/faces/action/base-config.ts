import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Annotation } from "../../present/action/annotations.js";
import type { PullRequest } from "../../adapters/github/ports.js";
import { CONFIG_FILE_NAME } from "../../config/find.js";

/**
 * A file's text at a pull request's base commit, `undefined` when it does not exist there.
 * Throws when the base commit cannot be read at all.
 */
export type BaseFileReader = (
  pullRequest: PullRequest,
  file: string,
) => Promise<string | undefined>;

/** The configuration a pull request's check uses, and what to tell the reviewer about it. */
export interface PullRequestConfig {
  /** An explicit config file holding the base commit's version (empty when it has none). */
  readonly configPath: string;
  readonly notice: Annotation | undefined;
}

function readHead(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * On a pull request, the configuration comes from the base commit, never from the head the
 * pull request controls (invariant 11): a head config could turn the check's errors and its
 * `needs-approval` count to 0. The base version is written to a private file and used as an
 * explicit config, so the search never falls back to the head's file. A head that differs is
 * reported as a notice. When the base commit cannot be read, the defaults apply, with a notice.
 */
export async function pullRequestConfig(options: {
  readonly workspace: string;
  readonly pullRequest: PullRequest;
  /** The action's `config` input, relative to the workspace; default `.runbook-exec.toml`. */
  readonly configInput: string | undefined;
  readonly readBaseFile: BaseFileReader;
}): Promise<PullRequestConfig> {
  const relative = options.configInput ?? CONFIG_FILE_NAME;
  const dir = mkdtempSync(path.join(tmpdir(), "runbook-exec-base-config-"));
  const configPath = path.join(dir, CONFIG_FILE_NAME);
  let base: string | undefined;
  try {
    base = await options.readBaseFile(options.pullRequest, relative);
  } catch (error) {
    writeFileSync(configPath, "");
    const why = error instanceof Error ? error.message : String(error);
    return {
      configPath,
      notice: {
        kind: "notice",
        title: "runbook-exec: base configuration unavailable",
        message: `The base commit's \`${relative}\` could not be read (${why}); the check used the default configuration, never the pull request's. Fetch the base commit (actions/checkout with fetch-depth: 0) to use it.`,
      },
    };
  }
  writeFileSync(configPath, base ?? "");
  const head = readHead(path.resolve(options.workspace, relative));
  const notice: Annotation | undefined =
    head === base
      ? undefined
      : {
          kind: "notice",
          title: "runbook-exec: configuration changed",
          message: `This pull request ${base === undefined ? "adds" : head === undefined ? "removes" : "changes"} \`${relative}\`; the check used the base commit's version. The change takes effect once it is merged.`,
          file: relative,
        };
  return { configPath, notice };
}
