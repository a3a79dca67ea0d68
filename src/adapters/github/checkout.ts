import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

/**
 * What the workflow checked out, asked of `git` in the workspace: ChatOps runs runbooks only
 * from the default branch at the commit the event names, never from a pull request's head.
 */
export interface Checkout {
  /** `HEAD`'s commit, or `undefined` when the workspace is not a git checkout. */
  headCommit(): Promise<string | undefined>;
  /** Whether `relative` is tracked and identical to its `HEAD` version (nothing edited it since). */
  unchangedAtHead(relative: string): Promise<boolean>;
}

/** A {@link Checkout} over the `git` binary in `cwd`. */
export function gitCheckout(cwd: string): Checkout {
  return {
    headCommit: async () => {
      try {
        const { stdout } = await run("git", ["rev-parse", "--verify", "HEAD^{commit}"], { cwd });
        return stdout.trim();
      } catch {
        return undefined;
      }
    },
    unchangedAtHead: async (relative) => {
      // `--` ends the options: the path is data even if it started with `-`.
      try {
        await run("git", ["ls-files", "--error-unmatch", "--", relative], { cwd });
        await run("git", ["diff", "--quiet", "HEAD", "--", relative], { cwd });
        return true;
      } catch {
        return false;
      }
    },
  };
}
