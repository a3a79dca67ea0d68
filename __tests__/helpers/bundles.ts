// The CLI, action and library bundles the tests run, as `scripts/bundle.js` makes them: the
// committed dist/ or the one `RUNBOOK_EXEC_DIST` names (dist-under-test.ts), copied by
// global-setup into a scratch folder out of reach of the repository's node_modules, as on a
// runner or after `npm install -g`.
import path from "node:path";
import { inject } from "vitest";

/** The files `scripts/bundle.js` writes that a test can run or import. */
export type BundleEntry = "action.js" | "cli.js" | "index.js" | "lib.js" | "post.js";

/** The path of `entry` in the copy of the dist/ under test. */
export function bundlePath(entry: BundleEntry): string {
  return path.join(inject("distDir"), entry);
}
