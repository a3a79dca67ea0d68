import type { Parser } from "web-tree-sitter";
import type { Command, Interpreter } from "../core/runbook.js";
import {
  analyzeShell,
  asDashReadsIt,
  bashOnlyConstructs,
  dialectOf,
  MAX_ANALYSED_SCRIPT_CHARS,
  PARSE_BUDGET_MS,
  type ShellCommand,
  type ShellDialect,
  shellWord,
} from "../shell/index.js";
import { type CodeLanguage, scanCode } from "./code.js";
import { classifyCommand, tooDeep } from "./command.js";
import { code, destructive, type Hit, modifying, type Nested, readOnly, unknown } from "./hit.js";
import { taintedVariable, taintReaches } from "./environment.js";
import { classifySql } from "./sql.js";
import type { RuleVerdict } from "./types.js";
import { verdictOf } from "./verdict.js";

/** Options for {@link classifyScript}. */
export interface ClassifyOptions {
  /** How deep nested scripts are followed (`bash -c`, `python -c "os.system(…)"`); default 4. */
  readonly maxDepth?: number;
}

const SHELL_LANGUAGES: ReadonlySet<string> = new Set([
  "",
  "bash",
  "sh",
  "shell",
  "zsh",
  "ksh",
  "dash",
  "console",
  "shell-session",
  "shellsession",
  "terminal",
]);
const SQL_LANGUAGES: ReadonlySet<string> = new Set([
  "sql",
  "psql",
  "pgsql",
  "postgresql",
  "postgres",
  "mysql",
  "plsql",
  "sqlite",
  "tsql",
]);
const CODE_LANGUAGE_OF: Readonly<Record<string, CodeLanguage>> = {
  python: "python",
  py: "python",
  python3: "python",
  javascript: "javascript",
  js: "javascript",
  node: "javascript",
  ruby: "ruby",
  rb: "ruby",
  perl: "perl",
  pl: "perl",
  php: "php",
  pwsh: "powershell",
  powershell: "powershell",
  ps1: "powershell",
  ps: "powershell",
  cmd: "cmd",
  bat: "cmd",
  batch: "cmd",
};

/** Text reaching a command's stdin when the script shows it. */
function stdinTextOf(command: ShellCommand): string | undefined {
  const stdin = command.stdin;
  if (stdin === undefined) return undefined;
  if (stdin.kind === "heredoc") return stdin.heredoc.body;
  if (stdin.kind === "herestring")
    return stdin.word.dynamic && /^\s*[$`]/.test(stdin.word.value) ? undefined : stdin.word.value;
  if (stdin.kind === "pipe") return stdin.text;
  return undefined;
}

class Classifier implements Nested {
  constructor(
    private readonly parser: Parser,
    private readonly maxDepth: number,
    private readonly depth = 0,
  ) {}

  private deeper(): Classifier | undefined {
    return this.depth >= this.maxDepth
      ? undefined
      : new Classifier(this.parser, this.maxDepth, this.depth + 1);
  }

  shell(script: string, dialect: ShellDialect = "bash"): Hit[] {
    const bashOnly = dialect === "bash" ? [] : bashOnlyConstructs(this.parser, script);
    const text =
      dialect === "posix" && bashOnly.length > 0 ? asDashReadsIt(this.parser, script) : script;
    const analysis = analyzeShell(this.parser, text, { maxDepth: this.maxDepth });
    const hits: Hit[] = [];
    let tainted: string | undefined;
    for (const c of analysis.commands) {
      hits.push(...classifyCommand(c, analysis, this, stdinTextOf(c)));
      if (tainted !== undefined && taintReaches(tainted, c))
        hits.push(
          modifying(
            "env.tainted",
            `an earlier ${code(`${tainted}=…`)} in the script changes what ${code(c.name)} runs`,
          ),
        );
      tainted ??= taintedVariable(c);
    }
    const first = bashOnly[0];
    if (first !== undefined)
      hits.push(
        modifying(
          "shell.bash-only",
          `${code(first.construct)} (line ${first.line}) is bash syntax that ${dialect === "posix" ? "`sh` (dash)" : "zsh"} reads differently, so the rules cannot prove what the script does`,
        ),
      );
    if (analysis.nestingLimit !== undefined) {
      const { line, column } = analysis.nestingLimit;
      hits.push(
        destructive(
          "shell.too-deep",
          `the script nests too deeply to read in full (line ${line}, column ${column}), so it may hide any command`,
        ),
      );
    }
    if (analysis.notAnalysed !== undefined) hits.push(notAnalysed(analysis.notAnalysed));
    else if (analysis.syntaxError !== undefined) {
      const { line, column } = analysis.syntaxError;
      hits.push(
        modifying(
          "shell.syntax-error",
          `the shell script does not parse (line ${line}, column ${column}), so the rules cannot tell what it runs`,
        ),
      );
    } else if (analysis.misread !== undefined) {
      const { line, column } = analysis.misread;
      hits.push(
        modifying(
          "shell.misread",
          `the shell parser reads line ${line}, column ${column} unlike bash (a line or a token folded into a command, a word or a redirect), so the rules cannot tell what it runs`,
        ),
      );
    } else if (analysis.commands.length === 0) {
      hits.push(readOnly("shell.empty", "the script runs no command"));
    }
    return hits;
  }

  argv(words: readonly string[]): readonly Hit[] {
    const inner = this.deeper();
    if (inner === undefined) return [tooDeep(code(words.join(" ")))];
    return inner.shell(words.map(shellWord).join(" "));
  }

  sql(text: string, client: string): readonly Hit[] {
    if (text.length > MAX_ANALYSED_SCRIPT_CHARS) return [notAnalysed("too_long")];
    return classifySql(text, client);
  }

  code(language: CodeLanguage, text: string, runner: string): readonly Hit[] {
    if (text.length > MAX_ANALYSED_SCRIPT_CHARS) return [notAnalysed("too_long")];
    const inner = this.deeper();
    return scanCode(language, text, runner, (script) =>
      inner === undefined ? [tooDeep(code(runner))] : inner.shell(script),
    );
  }

  script(language: string, script: string, program?: string): Hit[] {
    const lang = language.toLowerCase();
    const dialect = dialectOf(program ?? (lang === "" || lang === "shell" ? "bash" : lang));
    if (dialect !== undefined) return this.shell(script, dialect);
    if (SHELL_LANGUAGES.has(lang)) return this.shell(script);
    if (SQL_LANGUAGES.has(lang)) return [...this.sql(script, "sql")];
    const codeLanguage = CODE_LANGUAGE_OF[lang];
    if (codeLanguage !== undefined) return [...this.code(codeLanguage, script, lang)];
    return [unknown("language.unknown", `${code(language)} code is not analysed by the rules`)];
  }
}

/**
 * Classify one fence's script. Shell languages go through the shell analyser and the tool
 * tables, `sql` through the SQL rules, python/node/ruby/perl/php/pwsh/cmd through a scan for
 * well-known dangerous calls (never `read_only`). Pure and synchronous given the parser.
 */
export function classifyScript(
  parser: Parser,
  language: string,
  script: string,
  options: ClassifyOptions = {},
): RuleVerdict {
  return verdictOf(new Classifier(parser, options.maxDepth ?? 4).script(language, script));
}

/** Classify a step: the highest risk and floor of its commands, reasons merged and deduplicated. */
export function classifyCommands(
  parser: Parser,
  commands: readonly (Pick<Command, "language" | "script"> & {
    /** The program that runs the fence (a remapped language, `sh` → dash); decides the grammar. */
    readonly interpreter?: Pick<Interpreter, "program">;
  })[],
  options: ClassifyOptions = {},
): RuleVerdict {
  const classifier = new Classifier(parser, options.maxDepth ?? 4);
  if (commands.length === 0)
    return {
      risk: "read_only",
      floor: "read_only",
      reasons: [{ ruleId: "step.no-commands", message: "the step runs no command" }],
    };
  return verdictOf(
    commands.flatMap((c) => classifier.script(c.language, c.script, c.interpreter?.program)),
  );
}

/** Parsing rule 13: a script too long or too costly to analyse is `modifying`, saying why. */
function notAnalysed(why: "too_long" | "too_costly"): Hit {
  return why === "too_long"
    ? modifying(
        "script.too-long",
        `the script is longer than ${MAX_ANALYSED_SCRIPT_CHARS} characters, so the rules do not analyse it`,
      )
    : modifying(
        "script.too-costly",
        `the script took longer than ${PARSE_BUDGET_MS} ms to parse, so the rules do not analyse it`,
      );
}
