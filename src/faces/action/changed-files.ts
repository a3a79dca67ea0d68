import type { ChangedFile } from "../../adapters/github/ports.js";
import picomatch from "picomatch";
import { RUNBOOK_EXTENSIONS } from "../../app/discover.js";

/** The runbooks a pull request touched. */
export interface ChangedRunbooks {
  /** Added, modified, renamed or copied runbooks: validate these. */
  readonly present: readonly string[];
  /** Runbooks deleted or renamed to a path that is not a runbook: nothing to validate. */
  readonly deleted: readonly string[];
}

/**
 * Pick the runbooks out of a pull request's changed files. A rename counts as a change of its
 * new path; a file renamed away from the runbook paths counts as deleted.
 */
export function selectChangedRunbooks(
  files: readonly ChangedFile[],
  isRunbook: (path: string) => boolean,
): ChangedRunbooks {
  const present = new Set<string>();
  const deleted = new Set<string>();
  for (const file of files) {
    if (file.status === "removed") {
      if (isRunbook(file.path)) deleted.add(file.path);
    } else if (file.status !== "unchanged" && isRunbook(file.path)) {
      present.add(file.path);
    } else if (
      file.status === "renamed" &&
      file.previousPath !== undefined &&
      isRunbook(file.previousPath)
    ) {
      deleted.add(file.previousPath);
    }
  }
  return { present: [...present].sort(), deleted: [...deleted].sort() };
}

/**
 * A test for "this workspace-relative path is a runbook" from the `paths` globs, with the same
 * picomatch semantics discovery uses when it expands them on disk. As in discovery, an entry that
 * is not a glob names a file, or a directory whose `*.md` / `*.markdown` files all count.
 */
export function runbookMatcher(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((glob) => {
    const pattern = glob.replace(/\/+$/, "");
    if (picomatch.scan(pattern).isGlob) return picomatch(pattern, { dot: false });
    const underDirectory = picomatch(`${pattern}/**/*{${RUNBOOK_EXTENSIONS.join(",")}}`, {
      dot: false,
      nocase: true,
    });
    return (path: string) => path === pattern || underDirectory(path);
  });
  return (path) => matchers.some((matches) => matches(path));
}
