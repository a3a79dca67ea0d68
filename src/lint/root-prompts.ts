import { toolFor } from "../classify/index.js";

/** Shell words that start a script line without naming a program the tables know. */
const SHELL_WORDS: ReadonlySet<string> = new Set(
  (
    "if then else elif fi for while until do done case esac function select time export cd " +
    "echo printf set unset source . local declare readonly read return exit test [ [[ eval " +
    "exec trap shift true false wait alias ulimit umask pushd popd sleep"
  ).split(" "),
);

const COMMENT = /^\s*#(?: |$)/;
const ROOT_PROMPT = /^\s*# +(?:sudo +)?(\S+)/;
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(?:\[[^\]]*\])?\+?=/;

/** A `# ` line of a pasted root session that a shell fence reads as a comment, and why. */
export interface RootPrompt {
  /** 1-based line in the fence body. */
  readonly line: number;
  /** The program the `# ` line names. */
  readonly program: string;
  /** True when the fence also has lines that look like its output (they would run). */
  readonly withOutput: boolean;
}

/**
 * Pure: a shell fence written as a session pasted from a root shell (`# systemctl status x`
 * lines, then output) instead of a script. Its `# ` lines name a program the classifier knows,
 * and no other line reads as a command: every other line is output (a program nobody knows, a
 * path, a table), or there is none. As a script its commands are comments that never run and
 * its output lines run; as a session it would drop what might be comments. That is not
 * guessed (design rule 11): `undefined` when any other line reads as a command, or when no
 * `# ` line names a known program (prose comments).
 */
export function rootPromptSession(body: string): RootPrompt | undefined {
  const lines = body.split("\n");
  let first: { line: number; program: string } | undefined;
  let withOutput = false;
  for (const [index, text] of lines.entries()) {
    if (text.trim() === "") continue;
    if (COMMENT.test(text)) {
      const program = ROOT_PROMPT.exec(text)?.[1];
      if (first === undefined && program !== undefined && toolFor(program) !== undefined)
        first = { line: index + 1, program };
      continue;
    }
    if (readsAsCommand(text)) return undefined;
    withOutput = true;
  }
  return first === undefined ? undefined : { ...first, withOutput };
}

/** A script line: its first word is a program the tables know, a shell word or an assignment. */
function readsAsCommand(text: string): boolean {
  const word = text.trim().split(/\s+/)[0] ?? "";
  if (ASSIGNMENT.test(word) || SHELL_WORDS.has(word)) return true;
  if (/^[({}!]|^\$\(|^\.\/|^~\//.test(word)) return true;
  return toolFor(word) !== undefined;
}

/** `$ sudo su`, `$ sudo -i`, `$ su - postgres`, `$ sudo bash`: a prompt line that opens another user's shell. */
const SHELL_SWITCH =
  /^\s*\$\s+((?:sudo\s+(?:-[A-Za-z]+\s+(?:[^-\s]\S*\s+)?)*)?(?:su(?:\s+-\w*)?(?:\s+[\w.-]+)?|sudo\s+-[is]|(?:ba|z|k)?sh)|sudo\s+-[is]|sudo\s+(?:-u\s+\S+\s+)?(?:ba|z|k)?sh)\s*$/;

/**
 * Pure: the `$ ` line before body line `before` (1-based) that opens a shell as another user,
 * after which a session's `# ` lines are typed into that shell; `undefined` when there is none.
 */
export function shellSwitchBefore(body: string, before: number): string | undefined {
  const lines = body.split("\n").slice(0, before - 1);
  for (const line of lines.reverse()) {
    const found = SHELL_SWITCH.exec(line)?.[1];
    if (found !== undefined) return found.trim().replace(/\s+/g, " ");
  }
  return undefined;
}
