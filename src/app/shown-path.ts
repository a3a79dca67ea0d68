import { existsSync } from "node:fs";
import path from "node:path";
import { isInside } from "./confine.js";

/** Parent directories looked at for a repository's root, at most. */
const MAX_DEPTH = 64;

/**
 * A runbook's path as people are shown it (Slack, GitHub comments, the job summary, the
 * terminal): relative to `root` (the action's workspace, the CLI's working directory, the MCP
 * server's root) when the file is inside it, else relative to the root of the repository that
 * holds it, else its file name. Never the host's absolute path: the layout of a runner or a jump
 * host is not for every reader of a channel. The audit log keeps the absolute path it binds.
 */
export function shownRunbookPath(file: string, root: string): string {
  const absolute = path.resolve(root, file);
  const base = isInside(path.resolve(root), absolute)
    ? path.resolve(root)
    : repositoryRoot(absolute);
  const relative = base === undefined ? "" : path.relative(base, absolute);
  return (relative === "" ? path.basename(absolute) : relative).split(path.sep).join("/");
}

/** The nearest directory above `file` that holds `.git` (a directory, or a worktree's file). */
function repositoryRoot(file: string): string | undefined {
  let dir = path.dirname(file);
  for (let depth = 0; depth < MAX_DEPTH; depth += 1) {
    if (existsSync(path.join(dir, ".git"))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}
