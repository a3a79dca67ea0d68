import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { getOctokit } from "@actions/github";
import type { ChangedFile } from "./ports.js";
import type { ChangedFilesSource, PullRequest } from "./ports.js";
import { RunbookExecError } from "../../core/errors.js";
import { parsePullRequestFiles } from "./payloads.js";

const run = promisify(execFile);

/** Where to ask: the REST API (with a token) and the checkout in `cwd`. */
export interface ChangedFilesOptions {
  readonly token: string | undefined;
  /** `GITHUB_API_URL`, e.g. `https://api.github.com`. */
  readonly baseUrl: string;
  readonly cwd: string;
}

async function fromApi(options: ChangedFilesOptions, pr: PullRequest): Promise<ChangedFile[]> {
  if (options.token === undefined) {
    throw new RunbookExecError("USAGE", "No `github-token` to list the pull request's files.");
  }
  const octokit = getOctokit(options.token, { baseUrl: options.baseUrl });
  // 100 is the API's page maximum; paginate follows the Link header to the last page.
  const files = await octokit.paginate(octokit.rest.pulls.listFiles, {
    owner: pr.owner,
    repo: pr.repo,
    pull_number: pr.number,
    per_page: 100,
  });
  return parsePullRequestFiles(files);
}

const GIT_STATUS: Readonly<Record<string, ChangedFile["status"]>> = {
  A: "added",
  M: "modified",
  T: "changed",
  D: "removed",
  R: "renamed",
  C: "copied",
};

/** Parse `git diff --name-status -z` output: `S\0path\0`, or `R100\0old\0new\0` for a rename. */
export function parseNameStatus(output: string): ChangedFile[] {
  const fields = output.split("\0");
  const files: ChangedFile[] = [];
  for (let i = 0; i < fields.length;) {
    const code = fields[i] ?? "";
    if (code === "") break;
    const status = GIT_STATUS[code.charAt(0)] ?? "changed";
    if (status === "renamed" || status === "copied") {
      files.push({ status, previousPath: fields[i + 1] ?? "", path: fields[i + 2] ?? "" });
      i += 3;
    } else {
      files.push({ status, path: fields[i + 1] ?? "" });
      i += 2;
    }
  }
  return files;
}

async function fromGit(options: ChangedFilesOptions, pr: PullRequest): Promise<ChangedFile[]> {
  const args = ["diff", "--name-status", "-z", "-M", `${pr.baseSha}...${pr.headSha}`, "--"];
  try {
    const { stdout } = await run("git", args, { cwd: options.cwd, maxBuffer: 64 * 1024 * 1024 });
    return parseNameStatus(stdout);
  } catch (cause) {
    const stderr =
      typeof cause === "object" && cause !== null && "stderr" in cause ? String(cause.stderr) : "";
    const first = stderr.split("\n").find((line) => line.trim() !== "") ?? String(cause);
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      `\`git ${args.join(" ")}\` failed: ${first.trim()}. Check out with \`fetch-depth: 0\` so both commits are present.`,
      { cause },
    );
  }
}

/** A {@link ChangedFilesSource} over Octokit and the `git` binary. */
export function createChangedFilesSource(options: ChangedFilesOptions): ChangedFilesSource {
  return {
    fromApi: (pr) => fromApi(options, pr),
    fromGit: (pr) => fromGit(options, pr),
  };
}
