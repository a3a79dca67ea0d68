import path from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, Language } from "web-tree-sitter";
const here = path.dirname(fileURLToPath(import.meta.url));
await Parser.init({ locateFile: (n: string) => path.join(here, n) });
const lang = await Language.load(path.join(here, "tree-sitter-bash.wasm"));
const p = new Parser(); p.setLanguage(lang);
console.log(p.parse("echo $(rm -rf /) | sh")?.rootNode.toString());
