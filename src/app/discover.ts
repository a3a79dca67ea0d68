import type { Dirent } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import path from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";
import { RunbookExecError } from "../core/errors.js";

/** File extensions a directory walk picks up (compared lower-case). */
export const RUNBOOK_EXTENSIONS = [".md", ".markdown"] as const;

/** Directories a walk never enters, besides hidden (dot) directories. */
const SKIPPED_DIRECTORIES = new Set(["node_modules"]);

/** Options of {@link discoverRunbooks}. */
export interface DiscoverOptions {
  /** Base of relative inputs. */
  readonly cwd: string;
  /**
   * The fix for a glob that matched nothing, worded for the face (a shell user quotes the
   * pattern; an action user edits an input); default "check the pattern".
   */
  readonly unmatchedGlobFix?: string;
}

/** What {@link discoverRunbooks} found. */
export interface Discovery {
  /** Absolute paths, deduplicated; in input order, each input's matches sorted. */
  readonly files: readonly string[];
  /** Inputs that matched nothing (`INPUT_NOT_FOUND`), each naming the input as typed; the CLI exits 2 when there are any. */
  readonly problems: readonly RunbookExecError[];
  /** Files named directly by an input: absolute path → the input as typed, for error messages. */
  readonly typed: ReadonlyMap<string, string>;
}

function isRunbookName(name: string): boolean {
  const lower = name.toLowerCase();
  return RUNBOOK_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function statOrUndefined(
  file: string,
): Promise<Awaited<ReturnType<typeof stat>> | undefined> {
  try {
    return await stat(file);
  } catch {
    return undefined;
  }
}

/** Every runbook under `dir`, skipping `node_modules` and hidden directories below it. Symlinked directories are not followed (no cycles). */
async function walk(dir: string, into: string[]): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return; // an unreadable subdirectory holds nothing we can validate
  }
  entries.sort((a, b) => byCodePoint(a.name, b.name));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && !SKIPPED_DIRECTORIES.has(entry.name))
        await walk(full, into);
    } else if (isRunbookName(entry.name)) {
      if (
        entry.isFile() ||
        (entry.isSymbolicLink() && (await statOrUndefined(full))?.isFile() === true)
      )
        into.push(full);
    }
  }
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const matches = await glob(pattern, {
    cwd,
    absolute: true,
    onlyFiles: true,
    dot: false,
    expandDirectories: false,
    ignore: ["**/node_modules/**"],
  });
  return matches.map((match) => path.normalize(match)).sort(byCodePoint);
}

/** What one input names: an existing file, a directory's runbooks, or a glob's matches. */
async function expand(
  input: string,
  { cwd, unmatchedGlobFix = "check the pattern" }: DiscoverOptions,
): Promise<string[] | RunbookExecError> {
  const resolved = path.resolve(cwd, input);
  const info = await statOrUndefined(resolved);
  if (info?.isFile() === true) return [resolved];
  if (info?.isDirectory() === true) {
    const found: string[] = [];
    await walk(resolved, found);
    if (found.length > 0) return found;
    return new RunbookExecError(
      "INPUT_NOT_FOUND",
      `directory has no runbooks (${RUNBOOK_EXTENSIONS.map((e) => `*${e}`).join(", ")}; node_modules and hidden directories are skipped)`,
      { file: input },
    );
  }
  if (isDynamicPattern(input)) {
    const found = await expandGlob(input, cwd);
    if (found.length > 0) return found;
    return new RunbookExecError(
      "INPUT_NOT_FOUND",
      `glob matched no files; fix: ${unmatchedGlobFix}`,
      { file: input },
    );
  }
  return new RunbookExecError(
    "INPUT_NOT_FOUND",
    "no such file or directory; fix: check the path (relative paths start at the working directory)",
    { file: input },
  );
}

/**
 * Turns CLI inputs (files, directories, globs) into runbook files. A file is taken as given,
 * whatever its extension; a directory contributes its `*.md` / `*.markdown` files recursively;
 * anything else is a glob. Inputs that match nothing become `problems`.
 */
export async function discoverRunbooks(
  inputs: readonly string[],
  options: DiscoverOptions,
): Promise<Discovery> {
  const seen = new Set<string>();
  const files: string[] = [];
  const problems: RunbookExecError[] = [];
  const typed = new Map<string, string>();
  for (const input of inputs) {
    const result = await expand(input, options);
    if (result instanceof RunbookExecError) {
      problems.push(result);
      continue;
    }
    const [only] = result;
    if (only === path.resolve(options.cwd, input) && !typed.has(only)) typed.set(only, input);
    for (const file of result) {
      if (seen.has(file)) continue;
      seen.add(file);
      files.push(file);
    }
  }
  return { files, problems, typed };
}
