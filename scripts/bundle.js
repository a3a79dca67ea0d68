// Builds dist/: the action (dist/action.js, started by dist/index.js and dist/post.js), the CLI
// (dist/cli.js) and the library (dist/lib.js) with its type declarations (dist/types/), plus the
// two WASM files the shell parser loads at run time (found beside the bundle, never in
// node_modules), and last the record of the sources it was built from (dist/sources.sha256,
// scripts/sources.js), which `npm test` holds against src/.
import { execFileSync } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { bundledPackages, licenseNotice } from "./licenses.js";
import { SOURCES_FILE, sourcesRecord } from "./sources.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// `--out-dir DIR` builds elsewhere (.ci/run, or a build to test with RUNBOOK_EXEC_DIST); the
// benchmarks build one entry with `--entry cli.js` (`index.js` or `post.js`: the action, with its
// launchers).
const option = (name) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const dist = path.resolve(root, option("--out-dir") ?? "dist");
const ncc = path.join(root, "node_modules", "@vercel", "ncc", "dist", "ncc", "cli.js");

const ENTRIES = [
  // Both steps of the action in one bundle, so what they share (the artifact client above all)
  // ships once; action.yml's `main:` and `post:` files are launchers that import it.
  {
    source: "src/faces/action/steps.ts",
    output: "action.js",
    launchers: [
      { output: "index.js", step: "main", what: "main step (action.yml `runs.main`)" },
      { output: "post.js", step: "post", what: "post step (action.yml `runs.post`)" },
    ],
  },
  { source: "src/faces/cli/bin.ts", output: "cli.js" },
  { source: "src/faces/library/index.ts", output: "lib.js" },
];

const WASM_FILES = [
  "node_modules/web-tree-sitter/tree-sitter.wasm",
  "node_modules/tree-sitter-bash/tree-sitter-bash.wasm",
];

// webpack rewrites web-tree-sitter's `await import("module")` into an interop wrapper that
// loses `createRequire`, so Parser.init() throws at run time. Put the native dynamic import back.
// Minified (`-m`), the same code reads `const{createRequire:e}=await Promise.resolve().then(…)`.
const BROKEN_MODULE_IMPORT =
  /await Promise\.resolve\((?:\/\* import\(\) \*\/)?\)\.then\(__nccwpck_require__\.t\.bind\(__nccwpck_require__, ?\d+, ?\d+\)\)(?=;\s*var require ?= ?\w+\(import\.meta\.url\))/g;

/** The name a chunk of `entry` ships under: `action.168.index.js`. */
function chunkName(entry, chunk) {
  return `${entry.replace(/\.js$/, "")}.${chunk}`;
}

// webpack's chunk loader names chunk N `N.index.js`; each entry's chunks ship under its own name.
const CHUNK_LOADER = /(__nccwpck_require__\.u ?= ?(\w+) ?=> ?)"" ?\+ ?\2 ?\+ ?"\.index\.js"/g;

function patchChunkNames(code, entry) {
  return code.replace(
    CHUNK_LOADER,
    (_m, head, id) => `${head}"${chunkName(entry, "")}"+${id}+".index.js"`,
  );
}

function patchTreeSitterImport(code, file) {
  const matches = code.match(BROKEN_MODULE_IMPORT) ?? [];
  if (matches.length !== 1) {
    throw new Error(
      `${file}: expected one web-tree-sitter "module" import to patch, found ${matches.length}; ` +
        "check the bundle after upgrading web-tree-sitter or ncc",
    );
  }
  return code.replace(BROKEN_MODULE_IMPORT, 'await import("node:module")');
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
// What this build reads, taken before it starts: a file edited during the build then shows as
// changed, never as built.
const sources = sourcesRecord(root);

const only = option("--entry");
const names = (entry) => [entry.output, ...(entry.launchers ?? []).map((l) => l.output)];
const chosen = ENTRIES.filter((entry) => only === undefined || names(entry).includes(only));
if (chosen.length === 0) {
  throw new Error(`--entry ${only}: expected one of ${ENTRIES.flatMap(names).join(", ")}`);
}
for (const entry of chosen) {
  const out = mkdtempSync(path.join(tmpdir(), "runbook-exec-ncc-"));
  execFileSync(
    process.execPath,
    // Minified: the action bundle must stay under 5 MB with its two WASM files (bench/action).
    [
      ...[ncc, "build", entry.source, "-o", out, "--minify", "--quiet", "--target", "es2022"],
      ...["--stats-out", path.join(out, "stats.json")],
    ],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  const code = readFileSync(path.join(out, "index.js"), "utf8");
  writeFileSync(
    path.join(dist, entry.output),
    patchChunkNames(patchTreeSitterImport(code, entry.output), entry.output),
  );
  for (const launcher of entry.launchers ?? []) {
    writeFileSync(
      path.join(dist, launcher.output),
      `// The action's ${launcher.what}: runs it from the shared bundle.\n` +
        `import { ${launcher.step} } from "./${entry.output}";\n` +
        `await ${launcher.step}();\n`,
    );
  }
  for (const name of readdirSync(out)) {
    // ncc also emits hashed copies of the WASM it saw referenced; we ship the named files instead.
    if (name === "package.json") copyFileSync(path.join(out, name), path.join(dist, name));
    // A chunk ncc split off for a dynamic import (the Anthropic SDK's credential files and
    // skills) is loaded at run time from beside the bundle: ship it, named after its entry
    // (each entry numbers its chunks alike), with the bundle's loader patched to match.
    if (/^\d+\.index\.js$/.test(name)) {
      copyFileSync(path.join(out, name), path.join(dist, chunkName(entry.output, name)));
    }
  }
  // Third-party licence notices of every package bundled into this entry, found in the build's
  // webpack stats (ncc's own --license listed only a few of them).
  writeFileSync(
    path.join(dist, entry.output.replace(/\.js$/, ".licenses.txt")),
    licenseNotice(bundledPackages(JSON.parse(readFileSync(path.join(out, "stats.json"), "utf8")))),
  );
  rmSync(out, { recursive: true, force: true });
}
// The WASM files are copied, not bundled, so their notices are added here.
writeFileSync(
  path.join(dist, "wasm.licenses.txt"),
  licenseNotice(WASM_FILES.map((file) => path.dirname(path.join(root, file)))),
);

for (const file of WASM_FILES) {
  copyFileSync(path.join(root, file), path.join(dist, path.basename(file)));
}

// The library's type declarations (package.json `exports`) and the record of the sources, with
// the whole build only: a dist/ with one entry is no dist/ to test or ship.
if (only === undefined) {
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  execFileSync(
    process.execPath,
    [tsc, "-p", "tsconfig.types.json", "--outDir", path.join(dist, "types")],
    { cwd: root, stdio: "inherit" },
  );
  // Last, so that a dist/ whose build failed midway has no record and never looks fresh.
  writeFileSync(path.join(dist, SOURCES_FILE), sources);
}
