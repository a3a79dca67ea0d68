import { execFile } from "node:child_process";
import { promisify } from "node:util";
import type { PullRequest } from "./ports.js";
import { RunbookExecError } from "../../core/errors.js";

const run = promisify(execFile);

/**
 * A file's text at the pull request's base commit, read with `git show BASE:PATH` from the
 * checkout in `cwd`; `undefined` when the commit has no such file. Throws when the base commit
 * itself is missing (a shallow checkout).
 */
export function gitBaseFile(cwd: string) {
  return async (pullRequest: PullRequest, file: string): Promise<string | undefined> => {
    try {
      await run("git", ["cat-file", "-e", `${pullRequest.baseSha}^{commit}`], { cwd });
    } catch (cause) {
      throw new RunbookExecError(
        "INPUT_UNREADABLE",
        `base commit ${pullRequest.baseSha} is not in the checkout`,
        { cause },
      );
    }
    try {
      const { stdout } = await run("git", ["show", `${pullRequest.baseSha}:./${file}`], {
        cwd,
        maxBuffer: 1024 * 1024,
      });
      return stdout;
    } catch {
      return undefined; // the base commit has no such file
    }
  };
}
