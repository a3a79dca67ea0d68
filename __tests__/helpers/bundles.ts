// The CLI, action and library bundles the tests run, as `scripts/bundle.js` makes them. Built
// fresh from src/ at most once per test run, whichever worker asks first (the others wait), or,
// with `RUNBOOK_EXEC_DIST`, taken from a dist/ that script already built (CI builds one, checks it
// against the committed dist/, and tests that). Either way they run from a scratch folder out of
// reach of the repository's node_modules, as on a runner or after `npm install -g`.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { inject } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The files `scripts/bundle.js` writes that a test can run or import. */
export type BundleEntry = "action.js" | "cli.js" | "index.js" | "lib.js" | "post.js";

/** One ncc build each: the action's launchers (index.js, post.js) share action.js. */
const BUILD_OF: Readonly<Record<BundleEntry, string>> = {
  "action.js": "action",
  "index.js": "action",
  "post.js": "action",
  "cli.js": "cli",
  "lib.js": "lib",
};

/**
 * How long a test may wait for a bundle: an ncc build takes about 30 s on an idle 2-core machine
 * and several times that while other work shares it. Hooks that build use this as their timeout.
 */
export const BUNDLE_BUILD_TIMEOUT_MS = 600_000;
const BUILD_WAIT_MS = BUNDLE_BUILD_TIMEOUT_MS;

/**
 * The path of `entry` in a dist/ folder in the scratch directory: the one global-setup copied
 * from `RUNBOOK_EXEC_DIST`, or `<scratch>/<build>/dist/`, built on first use.
 */
export async function freshBundle(entry: BundleEntry): Promise<string> {
  const prebuilt = inject("prebuiltDist");
  if (prebuilt !== "") return path.join(prebuilt, entry);
  const build = BUILD_OF[entry];
  const dir = path.join(inject("bundleDir"), build);
  const bundle = path.join(dir, "dist", entry);
  const done = path.join(dir, "done");
  const failed = path.join(dir, "failed");
  try {
    mkdirSync(dir);
  } catch {
    await waitForBuild(done, failed);
    return bundle;
  }
  try {
    await promisify(execFile)(
      process.execPath,
      ["scripts/bundle.js", "--out-dir", path.dirname(bundle), "--entry", entry],
      { cwd: root },
    );
  } catch (error) {
    writeFileSync(failed, error instanceof Error ? error.message : String(error));
    throw error;
  }
  writeFileSync(done, "");
  return bundle;
}

async function waitForBuild(done: string, failed: string): Promise<void> {
  const deadline = Date.now() + BUILD_WAIT_MS;
  while (Date.now() < deadline) {
    if (existsSync(done)) return;
    if (existsSync(failed)) throw new Error(`bundle build failed: ${readFileSync(failed, "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bundle build did not finish within ${BUILD_WAIT_MS / 1000} s`);
}
