import picomatch from "picomatch";

/** A file's change in a pull request, as the GitHub API or `git diff` reports it. */
export interface ChangedFile {
  /** Workspace-relative path after the change (forward slashes). */
  readonly path: string;
  readonly status:
    "added" | "modified" | "removed" | "renamed" | "copied" | "changed" | "unchanged";
  /** Path before a rename or copy. */
  readonly previousPath?: string;
}

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
 * picomatch semantics discovery uses when it expands them on disk.
 */
export function runbookMatcher(globs: readonly string[]): (path: string) => boolean {
  const matchers = globs.map((glob) => picomatch(glob, { dot: false }));
  return (path) => matchers.some((matches) => matches(path));
}
