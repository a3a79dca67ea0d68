// Which dist/ the bundle tests run: the committed one (CI proves it fresh by building dist/ again
// and comparing byte for byte), or the folder named by `RUNBOOK_EXEC_DIST`. Either way its record
// of sources (scripts/sources.js) is held against src/, so a run that tests bundles older than
// the source says so.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { changedSources, SOURCES_FILE } from "../../scripts/sources.js";

/** What a dist/ must hold for the tests to run it: every bundle, launcher and WASM file. */
const DIST_FILES = [
  "action.js",
  "index.js",
  "post.js",
  "cli.js",
  "lib.js",
  "package.json",
  "tree-sitter.wasm",
  "tree-sitter-bash.wasm",
];

/** How many changed files a note names before it only counts the rest. */
const NAMED = 5;

export interface DistUnderTest {
  readonly dir: string;
  /** How a note names it: `dist/` or `RUNBOOK_EXEC_DIST=…`. */
  readonly label: string;
}

/** `RUNBOOK_EXEC_DIST` when set, else the committed dist/ under `root`. */
export function distUnderTest(root: string, configured: string | undefined): DistUnderTest {
  if (configured === undefined || configured === "") {
    return { dir: path.join(root, "dist"), label: "dist/" };
  }
  return { dir: path.resolve(configured), label: `RUNBOOK_EXEC_DIST=${configured}` };
}

/** Throws, naming what is missing and how to build it, unless `dist` holds every file to run. */
export function assertComplete(dist: DistUnderTest): void {
  const missing = DIST_FILES.filter((file) => !existsSync(path.join(dist.dir, file)));
  if (missing.length === 0) return;
  throw new Error(
    `${dist.label} lacks ${missing.join(", ")}: build it with ` +
      (dist.label === "dist/" ? "`npm run bundle`" : "`node scripts/bundle.js --out-dir DIR`"),
  );
}

/**
 * A warning when `dist` was not built from the source under `root` as it is now (or keeps no
 * record of what it was built from), saying what differs and how to test the change; undefined
 * when it is fresh.
 */
export function stalenessWarning(dist: DistUnderTest, root: string): string | undefined {
  const recordFile = path.join(dist.dir, SOURCES_FILE);
  const how =
    "the bundle tests run it as it is, not src/. To test a change in the bundles, run " +
    "`npm run bundle` (and commit dist/), or build elsewhere: " +
    "`node scripts/bundle.js --out-dir DIR && RUNBOOK_EXEC_DIST=DIR npm test`";
  if (!existsSync(recordFile)) {
    return `warning: ${dist.label} has no ${SOURCES_FILE}, so nothing tells whether it was built from this src/; ${how}`;
  }
  const changed = changedSources(root, readFileSync(recordFile, "utf8"));
  if (changed.length === 0) return undefined;
  const named = changed.slice(0, NAMED).join(", ");
  const more = changed.length > NAMED ? ` and ${changed.length - NAMED} more` : "";
  return `warning: ${dist.label} was built from other sources: ${named}${more} changed since; ${how}`;
}
