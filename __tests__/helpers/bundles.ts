// The CLI and action bundles, built fresh from src/ with the project's own script at most once
// per test run, whichever worker asks first; the others wait for it. They live out of reach of
// the repository's node_modules, as on a runner or after `npm install -g`.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { inject } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The bundle entries `scripts/bundle.js` builds. */
export type BundleEntry = "cli.js" | "index.js" | "lib.js" | "post.js";

/**
 * How long a test may wait for a bundle: an ncc build takes about 30 s on an idle 2-core machine
 * and several times that while other work shares it. Hooks that build use this as their timeout.
 */
export const BUNDLE_BUILD_TIMEOUT_MS = 600_000;
const BUILD_WAIT_MS = BUNDLE_BUILD_TIMEOUT_MS;

/** `<scratch>/<entry>/dist/<entry>`, built on first use. */
export async function freshBundle(entry: BundleEntry): Promise<string> {
  const dir = path.join(inject("bundleDir"), path.basename(entry, ".js"));
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
