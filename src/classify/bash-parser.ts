import { existsSync } from "node:fs";
import path from "node:path";
import { setFlagsFromString } from "node:v8";
import { fileURLToPath } from "node:url";
import { Language, Parser } from "web-tree-sitter";

/**
 * Where the two WASM files live: beside the bundle (`dist/`, wherever it was copied), or in
 * node_modules when running from source (tests, `tsx`). The bundle never reaches into
 * node_modules, so a bundle without its WASM fails loudly instead of borrowing another copy.
 */
function wasmPath(file: "tree-sitter.wasm" | "tree-sitter-bash.wasm"): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const beside = path.join(here, file);
  if (path.basename(here) !== "classify" || existsSync(beside)) return beside;
  const root = path.resolve(here, "..", "..");
  return file === "tree-sitter.wasm"
    ? path.join(root, "node_modules", "web-tree-sitter", file)
    : path.join(root, "node_modules", "tree-sitter-bash", file);
}

/** What the parser is loaded for; it decides how V8 compiles the grammar's WASM. */
export interface ParserWorkload {
  /**
   * Tens of thousands of parses in one long process, where only wall time counts (the corpus
   * benchmark): V8's optimising WASM tier, compiled on helper threads, then pays off in wall
   * time. It costs more CPU than it saves even on a thousand runbooks, so `validate` and `run`
   * use the baseline compiler alone (a run without it took twice the CPU, 0.8 s against 0.4 s,
   * to run `true`). The flag is process-wide but spares WASM compiled before it is set: the
   * kernels that carry a step's output (`*-kernel.wat`) compile when their modules load, and
   * keep V8's optimising tier.
   */
  readonly bulk?: boolean;
}

let loading: Promise<Parser> | undefined;

/**
 * The shared bash parser; the WASM is loaded once per process, so only the first caller's
 * workload counts.
 */
export function loadBashParser(workload: ParserWorkload = {}): Promise<Parser> {
  loading ??= (async () => {
    // Must happen before the WASM is compiled; the flag is process-wide.
    if (workload.bulk !== true) setFlagsFromString("--liftoff-only");
    await Parser.init({
      locateFile: (name: string) =>
        wasmPath(name === "tree-sitter-bash.wasm" ? name : "tree-sitter.wasm"),
    });
    const bash = await Language.load(wasmPath("tree-sitter-bash.wasm"));
    const parser = new Parser();
    parser.setLanguage(bash);
    return parser;
  })();
  return loading;
}
