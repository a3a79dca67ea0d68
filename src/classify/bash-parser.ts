import path from "node:path";
import { fileURLToPath } from "node:url";
import { Language, Parser } from "web-tree-sitter";

/**
 * Where the two WASM files live: beside the bundle in `dist/`, or in node_modules when
 * running from source (tests, `tsx`). The bundle never reaches into node_modules.
 */
function wasmPath(file: "tree-sitter.wasm" | "tree-sitter-bash.wasm"): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  if (path.basename(here) === "dist") return path.join(here, file);
  const root = path.resolve(here, "..", "..");
  return file === "tree-sitter.wasm"
    ? path.join(root, "node_modules", "web-tree-sitter", file)
    : path.join(root, "node_modules", "tree-sitter-bash", file);
}

let loading: Promise<Parser> | undefined;

/** The shared bash parser; the WASM is loaded once per process. */
export function loadBashParser(): Promise<Parser> {
  loading ??= (async () => {
    await Parser.init({ locateFile: (name: string) => wasmPath(name === "tree-sitter-bash.wasm" ? name : "tree-sitter.wasm") });
    const bash = await Language.load(wasmPath("tree-sitter-bash.wasm"));
    const parser = new Parser();
    parser.setLanguage(bash);
    return parser;
  })();
  return loading;
}
