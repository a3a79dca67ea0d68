// Builds one bundle group into the test run's scratch folder at most once, whoever asks first:
// a test (bundles.ts) or the sequencer that starts the builds early (bundles-last.ts). The first
// to create `<scratch>/<build>/` builds; the others wait for its `done` or `failed` marker.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The files `scripts/bundle.js` writes that a test can run or import. */
export type BundleEntry = "action.js" | "cli.js" | "index.js" | "lib.js" | "post.js";

/** One ncc build each: the action's launchers (index.js, post.js) come with action.js. */
export const BUILDS = {
  action: "index.js",
  cli: "cli.js",
  lib: "lib.js",
} as const satisfies Record<string, BundleEntry>;
export type Build = keyof typeof BUILDS;

export const BUILD_OF: Readonly<Record<BundleEntry, Build>> = {
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

/** `<scratch>/<build>/dist/`, once `build` is built there (by this call or another). */
export async function buildOnce(scratch: string, build: Build): Promise<string> {
  const dir = path.join(scratch, build);
  const dist = path.join(dir, "dist");
  const done = path.join(dir, "done");
  const failed = path.join(dir, "failed");
  try {
    mkdirSync(dir);
  } catch {
    await waitForBuild(done, failed);
    return dist;
  }
  const child = execFile(
    process.execPath,
    ["scripts/bundle.js", "--out-dir", dist, "--entry", BUILDS[build]],
    { cwd: root },
  );
  // A run that ends early (a failure, Ctrl-C) takes its build with it.
  const stop = (): void => void child.kill();
  process.once("exit", stop);
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer | string) => (stderr += String(chunk)));
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  process.removeListener("exit", stop);
  if (code !== 0) {
    const message = `scripts/bundle.js --entry ${BUILDS[build]} exited ${String(code)}: ${stderr}`;
    writeFileSync(failed, message);
    throw new Error(message);
  }
  writeFileSync(done, "");
  return dist;
}

async function waitForBuild(done: string, failed: string): Promise<void> {
  const deadline = Date.now() + BUNDLE_BUILD_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (existsSync(done)) return;
    if (existsSync(failed)) throw new Error(`bundle build failed: ${readFileSync(failed, "utf8")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bundle build did not finish within ${BUNDLE_BUILD_TIMEOUT_MS / 1000} s`);
}
