import { hasAny, optionValue } from "../args.js";
import type { CodeLanguage } from "../code.js";
import {
  code,
  type Hit,
  modifying,
  provenBy,
  readOnly,
  type ToolFamily,
  type ToolInput,
  unknown,
} from "../hit.js";

interface Interpreter {
  readonly language: CodeLanguage;
  /** Options whose value is code (`-c` for python, `-e` for ruby). */
  readonly inline: { readonly short: string; readonly long: readonly string[] };
  /** Options that take a separate value, so it is not taken for a script file. */
  readonly valued: string;
}

const INTERPRETERS: Readonly<Record<string, Interpreter>> = {
  python: { language: "python", inline: { short: "c", long: [] }, valued: "mWXQ" },
  node: { language: "javascript", inline: { short: "e", long: ["eval", "print"] }, valued: "r" },
  ruby: { language: "ruby", inline: { short: "e", long: [] }, valued: "rIC" },
  perl: { language: "perl", inline: { short: "e", long: [] }, valued: "IMm" },
  php: { language: "php", inline: { short: "r", long: [] }, valued: "dcf" },
  pwsh: { language: "powershell", inline: { short: "c", long: [] }, valued: "f" },
};

const ALIASES: Readonly<Record<string, string>> = {
  python2: "python",
  python3: "python",
  pypy: "python",
  pypy3: "python",
  nodejs: "node",
  powershell: "pwsh",
  "powershell.exe": "pwsh",
  "pwsh.exe": "pwsh",
};

/** Modules that only read or print (`python3 -m json.tool`). */
const READ_MODULES = /^(json\.tool|site|platform|this|sysconfig|tokenize|calendar|base64|uuid)$/;

function interpreterRule(input: ToolInput): Hit | readonly Hit[] {
  const { name, args, nested, stdinText, command } = input;
  const spec = INTERPRETERS[ALIASES[name] ?? name];
  if (spec === undefined)
    return unknown("command.unknown", `${code(name)} is not a command the rules know`);
  if (args.length === 1 && hasAny(args, ["--version", "-V", "-v", "--help", "-h"]))
    return readOnly("command.version", `${code(name, args[0])} only prints information`);
  const inline =
    spec.language === "powershell"
      ? (optionValue(args, "c", ["command", "Command"]) ?? optionValue(args, "", ["Command"]))
      : (optionValue(args, spec.inline.short, spec.inline.long) ??
        (name === "perl" ? optionValue(args, "E", []) : undefined));
  if (inline !== undefined) return nested.code(spec.language, inline, name);
  const module = spec.language === "python" ? optionValue(args, "m", []) : undefined;
  if (module !== undefined) {
    if (module === "pip") return nested.argv(["pip", ...args.slice(args.indexOf("pip") + 1)]);
    // `python3 -m json.tool IN OUT` writes OUT: only the module's first operand is an input.
    const operands = args.slice(args.indexOf(module) + 1).filter((a) => !a.startsWith("-"));
    if (READ_MODULES.test(module) && operands.length <= 1)
      return readOnly("code.read-module", `${code(name, "-m", module)} only prints`);
    if (READ_MODULES.test(module))
      return modifying(
        "files.write",
        `${code(name, "-m", module, "…", operands[1])} writes ${code(operands[1])}`,
      );
    return unknown(
      "command.runs-code",
      `${code(name, "-m", module)} runs a module the rules cannot see`,
    );
  }
  const script = args.find((a, i) => {
    const previous = args[i - 1] ?? "";
    return (
      !a.startsWith("-") &&
      !(/^-[A-Za-z]$/.test(previous) && spec.valued.includes(previous.charAt(1)))
    );
  });
  if (script !== undefined && script !== "-")
    return unknown("command.runs-code", `${code(name, script)} runs a script the rules cannot see`);
  if (stdinText !== undefined) return nested.code(spec.language, stdinText, name);
  if (command?.stdin !== undefined)
    return unknown("command.runs-code", `${code(name)} runs code from stdin the rules cannot see`);
  return unknown("command.interactive", `${code(name)} opens an interactive interpreter`);
}

/** Script interpreters (python, node, ruby, perl, php, pwsh). */
export const interpreterFamilies: readonly ToolFamily[] = [
  {
    names: [...Object.keys(INTERPRETERS), ...Object.keys(ALIASES)],
    rule: interpreterRule,
    // A read is the code it runs, classified on its own, or a version or syntax check.
    readsProvenBy: provenBy(
      [...Object.keys(INTERPRETERS), ...Object.keys(ALIASES)],
      "carried-command",
    ),
  },
];

/** Programs that run code given on stdin when they have no script argument. */
export const CODE_RUNNERS: ReadonlySet<string> = new Set([
  ...Object.keys(INTERPRETERS),
  ...Object.keys(ALIASES),
]);
