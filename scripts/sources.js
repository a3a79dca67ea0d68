// The record of what a dist/ was built from: `dist/sources.sha256`, one `<sha256>  <path>` line
// per input (the format of `sha256sum`, so `sha256sum -c dist/sources.sha256` checks it too).
// `npm test` runs the committed dist/ and reads this record to say when src/ has moved on
// since dist/ was built, instead of testing old bundles in silence.
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";

/** The record's name inside a dist/ folder. */
export const SOURCES_FILE = "sources.sha256";

/**
 * What a build reads besides src/: the lockfile (the bundled packages, the WASM files, ncc
 * itself), the compiler settings, and the build scripts. Not package.json: its scripts and
 * metadata are not bundled, and its dependencies are pinned in the lockfile, so editing an npm
 * script does not make dist/ stale.
 */
export const BUILD_FILES = [
  "package-lock.json",
  "tsconfig.json",
  "tsconfig.types.json",
  "scripts/bundle.js",
  "scripts/licenses.js",
  "scripts/sources.js",
];

/**
 * The inputs of a build, relative to `root` with `/` separators, sorted: every file under src/
 * and the build files.
 * @param {string} root
 * @returns {string[]}
 */
export function buildInputs(root) {
  const src = readdirSync(path.join(root, "src"), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
  return [...src.map((file) => file.split(path.sep).join("/")), ...BUILD_FILES].sort();
}

/**
 * The record of the inputs as they are now under `root`.
 * @param {string} root
 * @returns {string}
 */
export function sourcesRecord(root) {
  return buildInputs(root)
    .map((file) => `${sha256(path.join(root, file))}  ${file}\n`)
    .join("");
}

/**
 * The inputs that differ between `record` (a dist/'s) and the files under `root` now: changed,
 * added (no line in the record) or removed (a line for a file that is gone), sorted.
 * @param {string} root
 * @param {string} record
 * @returns {string[]}
 */
export function changedSources(root, record) {
  const recorded = new Map();
  for (const line of record.split("\n")) {
    const match = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (match !== null) recorded.set(match[2], match[1]);
  }
  const now = new Map(buildInputs(root).map((file) => [file, sha256(path.join(root, file))]));
  const changed = [...now].filter(([file, digest]) => recorded.get(file) !== digest);
  const removed = [...recorded.keys()].filter((file) => !now.has(file));
  return [...changed.map(([file]) => file), ...removed].sort();
}

/** @param {string} file */
function sha256(file) {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}
