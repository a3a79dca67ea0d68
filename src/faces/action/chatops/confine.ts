import { realpath, stat } from "node:fs/promises";
import path from "node:path";
import { isInside } from "../../../app/confine.js";
import { RunbookExecError } from "../../../core/errors.js";

/**
 * Where a ChatOps runbook path may point: a Markdown file inside one of the `runbook-dirs`, after
 * `..` and every symbolic link are resolved. A comment's path is untrusted text; the run reads
 * the resolved file, so a link swapped after the check cannot redirect it elsewhere.
 */

/** The outcome of {@link confineRunbookPath}. */
export type ConfinedPath =
  | {
      readonly kind: "inside";
      /** The real path, to read. */
      readonly file: string;
      /** The real path relative to the workspace, with `/`, to show and to record. */
      readonly relative: string;
    }
  | { readonly kind: "refused"; readonly reason: string };

/** The runbook directories, resolved once: real paths inside the workspace. */
export interface RunbookDirs {
  readonly workspace: string;
  /** As configured (workspace-relative), for messages. */
  readonly shown: readonly string[];
  /** Real paths of those that exist. */
  readonly real: readonly string[];
}

const MARKDOWN = /\.(md|markdown)$/i;
// Closed world: the characters a runbook path may use. Blanks, quotes, backslashes, control and
// invisible characters are refused before the file system sees the path.
const PATH_CHARS = /^[\p{L}\p{N}._\-/+@]+$/u;

/**
 * Resolve the `runbook-dirs` input. Each must lie inside the workspace (after symbolic links);
 * a missing one is kept for messages and matches nothing.
 * @throws RunbookExecError (`USAGE`) for a directory outside the workspace.
 */
export async function resolveRunbookDirs(
  workspace: string,
  dirs: readonly string[],
): Promise<RunbookDirs> {
  const realWorkspace = await realpath(workspace);
  const real: string[] = [];
  for (const dir of dirs) {
    const resolved = await realpath(path.resolve(realWorkspace, dir)).catch(() => undefined);
    if (resolved === undefined) continue;
    if (!isInside(realWorkspace, resolved)) {
      throw new RunbookExecError(
        "USAGE",
        `Input \`runbook-dirs\`: \`${dir}\` is outside the workspace; list directories of the repository, e.g. \`runbooks/\`.`,
      );
    }
    real.push(resolved);
  }
  return { workspace: realWorkspace, shown: dirs, real };
}

/** Pure part: whether the text can be a relative runbook path at all, and why not. */
export function pathProblem(requested: string): string | undefined {
  if (requested.startsWith("/") || requested.startsWith("~") || /^[A-Za-z]:/.test(requested)) {
    return "absolute paths are refused; give the path relative to the repository";
  }
  if (!PATH_CHARS.test(requested)) {
    return "a runbook path may hold only letters, digits and `. _ - / + @`";
  }
  if (!MARKDOWN.test(requested)) return "a runbook is a Markdown file (`.md`)";
  return undefined;
}

/**
 * Resolve `requested` (workspace-relative) to a runbook file inside one of the directories.
 * Never throws for a bad path: the refusal says why, for the reply.
 */
export async function confineRunbookPath(
  requested: string,
  dirs: RunbookDirs,
): Promise<ConfinedPath> {
  const allowed = dirs.shown.map((dir) => `\`${dir}\``).join(", ");
  const refuse = (why: string): ConfinedPath => ({
    kind: "refused",
    reason: `\`${requested}\` is refused: ${why}. Runbooks run only from ${allowed}.`,
  });
  const problem = pathProblem(requested);
  if (problem !== undefined) return refuse(problem);
  const lexical = path.resolve(dirs.workspace, requested);
  // Out of the repository: refused before the file system is asked, so a reply cannot tell
  // which files exist elsewhere on the runner.
  if (!isInside(dirs.workspace, lexical)) return refuse("it leads out of the repository");
  const real = await realpath(lexical).catch(() => undefined);
  if (real === undefined) return refuse("there is no such file at the checked-out commit");
  // Strictly below a runbook directory, never the directory itself.
  if (!dirs.real.some((dir) => real !== dir && isInside(dir, real))) {
    return refuse(
      real === lexical
        ? "it is not inside a runbook directory"
        : "it resolves (through `..` or a symbolic link) to a file outside the runbook directories",
    );
  }
  if (!MARKDOWN.test(real)) return refuse("it resolves to a file that is not Markdown");
  const info = await stat(real).catch(() => undefined);
  if (info === undefined || !info.isFile()) return refuse("it is not a regular file");
  return {
    kind: "inside",
    file: real,
    relative: path.relative(dirs.workspace, real).split(path.sep).join("/"),
  };
}
