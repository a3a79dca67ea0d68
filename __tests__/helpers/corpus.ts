import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

/**
 * The corpora from outside the project, read in place (never copied into the repository, never
 * executed), found through `RUNBOOK_EXEC_CORPUS`: `.ci/run` sets it to `../shared/corpus` and
 * fails when that is missing. A GitHub-hosted runner or a fresh clone has no corpus and no
 * variable: the corpus tests are skipped there, with a note.
 */
const configured = process.env["RUNBOOK_EXEC_CORPUS"] ?? "";
export const CORPUS_DIR = configured === "" ? "" : path.resolve(configured);
export const CORPUS_RUNBOOKS_DIR = path.join(CORPUS_DIR, "runbooks");

/** Whether to skip tests over the corpus (`describe.skipIf(skipCorpus)`). */
export const skipCorpus = CORPUS_DIR === "";

if (!skipCorpus && !existsSync(CORPUS_DIR)) {
  throw new Error(`RUNBOOK_EXEC_CORPUS=${configured}: no such directory`);
}

/** Every runbook of the corpus (`.md` and `.md.erb`), sorted; none when the corpus is absent. */
export function corpusRunbooks(): string[] {
  if (skipCorpus) return [];
  return readdirSync(CORPUS_RUNBOOKS_DIR, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.md(\.erb)?$/.test(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}
