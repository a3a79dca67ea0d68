import { checkParameterName } from "../../../core/parameter-names.js";
import { parseCommentCommand } from "../../../gate/github-comments.js";

/**
 * The ChatOps comment grammar. A comment's first line is split on blanks and read word by word
 * against a closed list of forms; nothing is ever handed to a shell, quotes mean nothing, and a
 * word the grammar does not know is a usage error, never a guess.
 *
 * ```
 * /runbook run PATH [incident=ID] [dry-run] [VAR=value…]
 * /runbook plan PATH
 * /runbook validate PATH
 * /runbook help
 * /approve N      /deny N      /abort
 * ```
 */

/** A command a comment asks for. */
export type ChatOpsCommand =
  | {
      readonly kind: "run";
      readonly path: string;
      readonly incidentId: string | undefined;
      readonly dryRun: boolean;
      readonly vars: Readonly<Record<string, string>>;
    }
  | { readonly kind: "plan"; readonly path: string }
  | { readonly kind: "validate"; readonly path: string }
  | { readonly kind: "help" }
  | { readonly kind: "approve" | "deny"; readonly step: number }
  | { readonly kind: "abort" };

/** What a comment says: a command, a malformed one (answer with the usage), or nothing for us. */
export type ParsedComment =
  | { readonly kind: "command"; readonly command: ChatOpsCommand }
  | { readonly kind: "usage"; readonly problem: string }
  | { readonly kind: "ignored" };

/** The usage text every malformed command is answered with (plain text, one form a line). */
export const USAGE_LINES = [
  "/runbook run PATH [incident=ID] [dry-run] [VAR=value…]",
  "/runbook plan PATH",
  "/runbook validate PATH",
  "/runbook help",
  "/approve N",
  "/deny N",
  "/abort",
] as const;

/** The words that open a command; any other first word is not for us and is ignored quietly. */
export const COMMAND_WORDS = ["/runbook", "/approve", "/deny", "/abort"] as const;

/** Longest first line read; past this the comment is answered with the usage, not parsed. */
export const MAX_COMMAND_LENGTH = 2000;

const INCIDENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:#-]{0,63}$/;
const BLANKS = /[ \t]+/;

/** Thrown inside the parser only; becomes a `usage` result. */
class UsageProblem extends Error {}

/**
 * Pure: read a comment body. Only its first non-empty line counts (as for the approval
 * channel's answers), blanks around it dropped; the command word is read in any letter case,
 * like the example workflow's `startsWith` filter.
 */
export function parseComment(body: string): ParsedComment {
  const line = firstLine(body);
  const words = line === "" ? [] : line.split(BLANKS);
  const [word, ...rest] = words;
  const first = COMMAND_WORDS.find((command) => command === word?.toLowerCase());
  if (first === undefined) return { kind: "ignored" };
  if (line.length > MAX_COMMAND_LENGTH) {
    return {
      kind: "usage",
      problem: `The command is longer than ${MAX_COMMAND_LENGTH} characters.`,
    };
  }
  try {
    return { kind: "command", command: commandOf(first, rest) };
  } catch (error) {
    if (error instanceof UsageProblem) return { kind: "usage", problem: error.message };
    throw error;
  }
}

function firstLine(body: string): string {
  return (
    body
      .split(/\r\n|\r|\n/)
      .map((line) => line.trim())
      .find((line) => line !== "") ?? ""
  );
}

function commandOf(first: (typeof COMMAND_WORDS)[number], rest: readonly string[]): ChatOpsCommand {
  if (first === "/abort") {
    noMore(rest, "/abort");
    return { kind: "abort" };
  }
  if (first === "/approve" || first === "/deny") {
    // The approval channel's own reading of an answer, so both always agree on what counts.
    const answer = parseCommentCommand([first, ...rest].join(" "));
    if (answer === undefined) {
      throw new UsageProblem(`\`${first}\` takes one step number, e.g. \`${first} 3\`.`);
    }
    return answer;
  }
  const [sub, ...args] = rest;
  switch (sub) {
    case "help":
      noMore(args, "/runbook help");
      return { kind: "help" };
    case "plan":
    case "validate": {
      const [path, ...extra] = args;
      noMore(extra, `/runbook ${sub} PATH`);
      return { kind: sub, path: requirePath(path, sub) };
    }
    case "run":
      return runCommand(args);
    case undefined:
      throw new UsageProblem("`/runbook` needs a subcommand: `run`, `plan`, `validate` or `help`.");
    default:
      throw new UsageProblem(
        `Unknown subcommand \`${sub}\`; expected \`run\`, \`plan\`, \`validate\` or \`help\`.`,
      );
  }
}

function requirePath(path: string | undefined, sub: string): string {
  if (path === undefined) {
    throw new UsageProblem(
      `\`/runbook ${sub}\` needs the runbook's path, e.g. \`runbooks/disk-full.md\`.`,
    );
  }
  if (path.includes("=") || path === "dry-run") {
    throw new UsageProblem(
      `\`/runbook ${sub}\` takes the runbook's path first, before \`${path}\`.`,
    );
  }
  return path;
}

function noMore(words: readonly string[], form: string): void {
  const [extra] = words;
  if (extra !== undefined) {
    throw new UsageProblem(`Unexpected \`${extra}\` after \`${form}\`.`);
  }
}

function runCommand(args: readonly string[]): ChatOpsCommand {
  const [path, ...options] = args;
  let incidentId: string | undefined;
  let dryRun = false;
  const vars: Record<string, string> = {};
  for (const word of options) {
    if (word === "dry-run") {
      if (dryRun) throw new UsageProblem("`dry-run` is given twice.");
      dryRun = true;
      continue;
    }
    const equals = word.indexOf("=");
    if (equals === -1) {
      throw new UsageProblem(
        `Unexpected \`${word}\`: after the path, \`/runbook run\` takes \`incident=ID\`, \`dry-run\` and \`VAR=value\`.`,
      );
    }
    const key = word.slice(0, equals);
    const value = word.slice(equals + 1);
    if (key === "incident") {
      if (incidentId !== undefined) throw new UsageProblem("`incident=` is given twice.");
      incidentId = checkedIncident(value);
      continue;
    }
    vars[checkedVar(key, vars)] = value;
  }
  return { kind: "run", path: requirePath(path, "run"), incidentId, dryRun, vars };
}

function checkedIncident(value: string): string {
  if (!INCIDENT_ID.test(value)) {
    throw new UsageProblem(
      "`incident=` needs an ID of letters, digits and `. _ : # -` (at most 64), e.g. `incident=INC-7`.",
    );
  }
  return value;
}

/**
 * The same checks for a run asked for by other means (a `repository_dispatch` payload): the
 * incident ID and the variable names follow the comment grammar's rules.
 */
export function runCommandFrom(fields: {
  readonly path: string;
  readonly incidentId: string | undefined;
  readonly dryRun: boolean;
  readonly vars: Readonly<Record<string, string>>;
}): ParsedComment {
  try {
    const vars: Record<string, string> = {};
    for (const [key, value] of Object.entries(fields.vars)) vars[checkedVar(key, vars)] = value;
    const incidentId =
      fields.incidentId === undefined ? undefined : checkedIncident(fields.incidentId);
    const command = { ...fields, kind: "run", incidentId, vars } as const;
    return { kind: "command", command };
  } catch (error) {
    if (error instanceof UsageProblem) return { kind: "usage", problem: error.message };
    throw error;
  }
}

function checkedVar(key: string, vars: Readonly<Record<string, string>>): string {
  const verdict = checkParameterName(key);
  if (verdict.kind === "invalid") {
    throw new UsageProblem(
      `\`${key}=…\` is not \`VAR=value\` with VAR a variable name (letters, digits, \`_\`), e.g. \`NAMESPACE=prod\`.`,
    );
  }
  if (verdict.kind === "denied")
    throw new UsageProblem(`\`${key}=…\` is refused: ${verdict.message}`);
  const upper = key.toUpperCase();
  if (Object.keys(vars).some((name) => name.toUpperCase() === upper)) {
    throw new UsageProblem(`\`${key}\` is given twice.`);
  }
  return key;
}
