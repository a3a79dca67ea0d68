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

/** What the parser is loaded for; it decides how V8 compiles WASM. */
export interface ParserWorkload {
  /**
   * Thousands of parses where CPU time counts (`validate`): V8's baseline WASM compiler alone.
   * Its optimising tier compiles on helper threads, which looked free in wall time but cost
   * more CPU than it saved even on a thousand runbooks (bench/validate). The flag is
   * process-wide, so a run leaves it off: there the parser's functions never get hot, and the
   * WebAssembly kernels that carry a step's output (`*-kernel.wat`) run twice as fast optimised.
   */
  readonly baselineOnly?: boolean;
}

let loading: Promise<Parser> | undefined;

/**
 * The shared bash parser; the WASM is loaded once per process, so only the first caller's
 * workload counts.
 */
export function loadBashParser(workload: ParserWorkload = {}): Promise<Parser> {
  loading ??= (async () => {
    // Must happen before the WASM is compiled; the flag is process-wide.
    if (workload.baselineOnly === true) setFlagsFromString("--liftoff-only");
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
