import type { Checkout } from "../../../adapters/github/checkout.js";
import type { Env } from "../../../core/io.js";
import { confineRunbookPath, type RunbookDirs } from "./confine.js";

/** A runbook a ChatOps command may read: confined, on the default branch, unedited. */
export type RunbookSource =
  | {
      readonly kind: "ok";
      /** Workspace-relative, after `..` and symbolic links. */
      readonly relative: string;
      /** The commit it is read at (`GITHUB_SHA`, which is `HEAD`). */
      readonly commit: string;
    }
  | { readonly kind: "refused"; readonly reason: string };

/**
 * Where a ChatOps runbook comes from: inside `runbook-dirs`, from the default branch at the
 * commit the workflow checked out, never from a pull request's head (the event runs on the
 * default branch even for a comment on a pull request). Refused when the workspace is another
 * ref or commit, or the file differs from that commit.
 */
export async function runbookSource(
  requested: string,
  context: {
    readonly dirs: RunbookDirs;
    readonly defaultBranch: string;
    readonly env: Env;
    readonly checkout: Checkout;
  },
): Promise<RunbookSource> {
  const confined = await confineRunbookPath(requested, context.dirs);
  if (confined.kind === "refused") return confined;
  const { env, defaultBranch, checkout } = context;
  const ref = env["GITHUB_REF"] ?? "";
  const sha = env["GITHUB_SHA"] ?? "";
  if (ref !== `refs/heads/${defaultBranch}` || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha)) {
    return {
      kind: "refused",
      reason:
        `This workflow runs on \`${ref || "(no GITHUB_REF)"}\`, not the default branch ` +
        `\`refs/heads/${defaultBranch}\`; ChatOps runs runbooks only from the default branch.`,
    };
  }
  const head = await checkout.headCommit();
  if (head !== sha) {
    return {
      kind: "refused",
      reason:
        `The workspace is at commit \`${head ?? "(not a git checkout)"}\`, not \`${sha}\` of the default branch ` +
        `\`${defaultBranch}\`: check out the default branch (\`actions/checkout\` without \`ref:\`), never a pull request's head.`,
    };
  }
  if (!(await checkout.unchangedAtHead(confined.relative))) {
    return {
      kind: "refused",
      reason: `\`${confined.relative}\` in the workspace differs from commit \`${sha}\` (or is not tracked): a step before this one changed it.`,
    };
  }
  return { kind: "ok", relative: confined.relative, commit: sha };
}
