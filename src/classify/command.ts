import { feedersOf, SHELL_NAMES, type ShellAnalysis, type ShellCommand } from "../shell/index.js";
import { code, destructive, type Hit, modifying, type Nested, readOnly, unknown } from "./hit.js";
import { builtinHits } from "./builtins.js";
import { assignmentHits, loadedEnvironmentHits } from "./environment.js";
import { closedWorldHits } from "./grammar/closed-world.js";
import { isSink } from "./paths.js";
import { redirectHits } from "./redirects.js";
import { remoteHits, reparsedHits } from "./remote.js";
import { anyOf, leadThen, matching } from "./linear-match.js";
import { sshOptionHits } from "./ssh-options.js";
import { destructiveVerbHit } from "./verbs.js";
import { toolFor } from "./registry.js";
import { CODE_RUNNERS } from "./tools/interpreters.js";

const DOWNLOADERS: ReadonlySet<string> = new Set([
  "curl",
  "wget",
  "wget2",
  "fetch",
  "http",
  "https",
  "xh",
  "aria2c",
  "nc",
  "ncat",
  "socat",
  "gsutil",
  "lwp-request",
  "GET",
]);
const DOWNLOAD_TEXT = /\b(curl|wget|fetch|aria2c|nc|ncat|socat|lwp-request)\b/;
/** A decoder in a pipeline's text (`base64 -d`, `xxd -r`, `gunzip` …); linear, see linear-match.ts. */
const DECODE_TEXT = anyOf(
  leadThen(/\b(base64|base32)\b/g, "|", /\s(-d|--decode|-D)\b/g),
  leadThen(/\bxxd\b/g, "|", /\s-r/g),
  leadThen(/\bopenssl\b/g, "|", /\s-d\b/g),
  matching(/\b(gunzip|zcat|bzcat|xzcat|uudecode)\b/),
  leadThen(/\bgzip\b/g, "|", /\s-d/g),
);

/** The source text of the earlier stages of `command`'s pipeline. */
function feederText(command: ShellCommand, analysis: ShellAnalysis): string {
  return feedersOf(analysis, command)
    .map((c) => (DOWNLOADERS.has(c.name) ? `curl ${c.text}` : c.text))
    .join(" | ");
}

/** A shell or interpreter runs text nobody can read in the script: downloaded, decoded, or computed. */
function executesUnreadText(command: ShellCommand, source: string): Hit {
  const what = code(command.name);
  if (DOWNLOAD_TEXT.test(source))
    return destructive("shell.download-exec", `${what} runs downloaded code`);
  if (DECODE_TEXT(source) !== undefined)
    return destructive("shell.decode-exec", `${what} runs decoded (hidden) code`);
  if (command.name === "eval")
    return destructive("shell.eval", `${code("eval")} runs text computed at run time`);
  return destructive("shell.dynamic-exec", `${what} runs shell text computed at run time`);
}

const RUNS_SCRIPT_ARGUMENT: ReadonlySet<string> = new Set([
  ...CODE_RUNNERS,
  ...SHELL_NAMES,
  "source",
  ".",
]);

/**
 * The hit for a command that runs code nobody can read in the script: a shell fed unknown
 * text (the analyser marks it opaque), an interpreter reading a pipe, or a process
 * substitution handed over as the script (`bash <(curl …)`).
 */
function hiddenCode(
  command: ShellCommand,
  analysis: ShellAnalysis,
  stdinText: string | undefined,
): Hit | undefined {
  const opaque = analysis.opaque.find((o) => o.command === command.index);
  if (opaque?.reason === "depth-limit") return tooDeep(code(command.name));
  if (opaque !== undefined) {
    const source =
      command.stdin?.kind === "pipe"
        ? feederText(command, analysis)
        : command.argv.map((w) => w.raw).join(" ");
    return executesUnreadText(command, source);
  }
  if (!RUNS_SCRIPT_ARGUMENT.has(command.name)) return undefined;
  if (command.stdin?.kind === "pipe" && stdinText === undefined && command.argv.length === 1)
    return executesUnreadText(command, feederText(command, analysis));
  const fed = command.argv.slice(1).find((w) => w.raw.startsWith("<("));
  return fed === undefined ? undefined : executesUnreadText(command, fed.raw);
}

/**
 * What the tool tables say about a command's own words; where they cannot tell (nothing
 * proven), a destructive verb among the words decides.
 */
function toolHits(
  command: ShellCommand,
  nested: Nested,
  stdinText: string | undefined,
): readonly Hit[] {
  const hits = knownHits(command, nested, stdinText);
  if (command.name === "" || hits.some((h) => h.proven)) return hits;
  const verb = destructiveVerbHit(
    command.name,
    command.argv.slice(1).map((w) => w.value),
  );
  return verb === undefined ? hits : [...hits, verb];
}

/** What the tool tables say about a command's own words. */
function knownHits(
  command: ShellCommand,
  nested: Nested,
  stdinText: string | undefined,
): readonly Hit[] {
  if (command.dynamicName) {
    // `$(echo rm) -rf /` runs another command's output; `$KUBECTL get pods` a variable's value.
    if (/\$\(|`/.test(command.name))
      return [
        destructive(
          "shell.dynamic-exec",
          `${code(command.name)} runs another command's output as a command`,
        ),
      ];
    return [
      modifying("command.dynamic", `${code(command.name)} runs a command chosen at run time`),
    ];
  }
  if (command.name === "")
    return command.redirects.length === 0
      ? [
          readOnly(
            "shell.assignment",
            `${code(command.assignments.map((a) => `${a.name}=…`).join(" "))} only sets shell variables`,
          ),
        ]
      : [];
  const args = command.argv.slice(1);
  // `/???/r? -rf /`: a glob picks the program at run time.
  if (/[*?[]/.test(command.name) && command.name !== "[" && command.name !== "[[")
    return [
      modifying(
        "command.dynamic",
        `${code(command.name)} runs whatever program the pattern matches`,
      ),
    ];
  const match = toolFor(command.name);
  if (args.length === 1 && /^--(version|help)$/.test(args[0]?.value ?? ""))
    return [
      readOnly("command.version", `${code(command.name, args[0]?.value)} only prints information`),
    ];
  if (match !== undefined) {
    const result = match.family.rule({
      name: match.name,
      args: args.map((w) => w.value),
      words: args,
      command,
      stdinText,
      nested,
    });
    const hits = "risk" in result ? [result] : result;
    const syntax = match.family.syntax?.[match.name];
    if (hits.some((h) => h.risk !== "read_only")) return hits;
    if (syntax === undefined)
      return match.family.readsProvenBy?.[match.name] === undefined
        ? [unprovenRead(match.name)]
        : hits;
    const problems = closedWorldHits(
      match.name,
      args.map((w) => w.value),
      syntax,
    );
    return problems.length > 0 ? problems : hits;
  }
  if (args.length === 1 && /^(--version|-V|--help|-h|version|help)$/.test(args[0]?.value ?? ""))
    return [
      readOnly("command.version", `${code(command.name, args[0]?.value)} only prints information`),
    ];
  return [unknown("command.unknown", `${code(command.name)} is not a command the rules know`)];
}

/** A read by a tool with no option grammar: its verb alone proves nothing (the closed world). */
function unprovenRead(tool: string): Hit {
  return modifying(
    "grammar.none",
    `${code(tool)} has no option grammar in the rules, so no command of it is a proven read`,
  );
}

/** Code nested deeper than the rules follow may hide anything: as risky as unreadable code. */
export function tooDeep(what: string): Hit {
  return destructive(
    "shell.depth-limit",
    `${what} runs code nested too deeply to analyse, so it may hide any command`,
  );
}

/** Everything the rules say about one analysed command. */
export function classifyCommand(
  command: ShellCommand,
  analysis: ShellAnalysis,
  nested: Nested,
  stdinText: string | undefined,
): Hit[] {
  const hidden = hiddenCode(command, analysis, stdinText);
  const hits: Hit[] = hidden === undefined ? [...toolHits(command, nested, stdinText)] : [hidden];
  if (command.via.includes("eval"))
    hits.push(modifying("shell.eval", `${code("eval")} runs text as shell code`));
  hits.push(
    ...assignmentHits(command),
    ...loadedEnvironmentHits(command),
    ...builtinHits(command, nested),
    ...sshOptionHits(command, nested),
    ...remoteHits(command),
    ...reparsedHits(command),
  );
  hits.push(...redirectHits(command.redirects));
  return plainStructure(command) ? hits : hits.map((h) => (h.proven ? h : { ...h, proven: true }));
}

/**
 * True when a model may judge the command from its words alone: every word a plain literal
 * (no expansion, substitution or glob), no assignment before it, and no redirect to or from
 * a file or a heredoc. Only then may an unknown verdict be lowered below `modifying`.
 */
function plainStructure(command: ShellCommand): boolean {
  return (
    command.assignments.length === 0 &&
    command.via.length === 0 &&
    command.words.every((w) => !w.dynamic && (w.quoted || !/[*?[{~]/.test(w.value))) &&
    command.redirects.every(
      (r) => r.kind === "duplicate" || (r.target !== undefined && isSink(r.target.value)),
    )
  );
}
