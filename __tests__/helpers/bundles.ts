// The CLI, action and library bundles the tests run, as `scripts/bundle.js` makes them. Built
// fresh from src/ at most once per test run (bundle-build.ts; the sequencer starts the builds
// early, bundles-last.ts), or, with `RUNBOOK_EXEC_DIST`, taken from a dist/ that script already
// built (CI builds one, checks it against the committed dist/, and tests that). Either way they
// run from a scratch folder out of reach of the repository's node_modules, as on a runner or
// after `npm install -g`.
import path from "node:path";
import { inject } from "vitest";
import { BUILD_OF, buildOnce, type BundleEntry } from "./bundle-build.js";

export { BUNDLE_BUILD_TIMEOUT_MS, type BundleEntry } from "./bundle-build.js";

/**
 * The path of `entry` in a dist/ folder in the scratch directory: the one global-setup copied
 * from `RUNBOOK_EXEC_DIST`, or `<scratch>/<build>/dist/`, built on first use.
 */
export async function freshBundle(entry: BundleEntry): Promise<string> {
  const prebuilt = inject("prebuiltDist");
  if (prebuilt !== "") return path.join(prebuilt, entry);
  return path.join(await buildOnce(inject("bundleDir"), BUILD_OF[entry]), entry);
}
