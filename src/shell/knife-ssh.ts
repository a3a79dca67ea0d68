import type { ShellWord } from "./types.js";
import type { Unwrapped } from "./unwrapped.js";

/*
 * `knife ssh QUERY COMMAND… (options)` as Chef's knife reads it (knife/lib/chef/knife/ssh.rb,
 * Ruby's OptionParser through mixlib-cli): options until a lone `--`; a short option takes its
 * value attached (`-C1`) or as the next word; the first operand is the search query and every
 * other operand is joined with spaces into the command each node's shell runs. Knife also
 * takes options after the operands, unless `POSIXLY_CORRECT` is set, when they become words of
 * the command: an option after the query is not read either way. The options are a closed list: any other (one that
 * forwards the agent, goes through a gateway, asks for a password, loads another config file,
 * or an abbreviation) leaves the command to the rules as a knife command they cannot read.
 */

/** Options that take a value: the attribute to connect to, concurrency, user, port, key file, timeout, environment. */
const VALUED_SHORT = new Set(["a", "C", "x", "p", "i", "t", "E"]);
const VALUED_LONG = new Set([
  "attribute",
  "concurrency",
  "ssh-user",
  "ssh-port",
  "ssh-identity-file",
  "ssh-timeout",
  "prefix-attribute",
  "duplicated-fqdns",
  "environment",
]);
/** Options without a value: a manual host list, verbosity, local mode. */
const FLAG_SHORT = new Set(["m", "V", "z"]);
const FLAG_LONG = new Set([
  "manual-list",
  "exit-on-error",
  "pty",
  "no-pty",
  "require-pty",
  "no-require-pty",
  "verbose",
  "color",
  "no-color",
  "local-mode",
]);
/** Second operands that are not a command but a way to open sessions on every node. */
const SESSION_MODES = new Set(["interactive", "screen", "tmux", "macterm", "cssh"]);

/** The operands of `knife ssh`'s arguments, or `undefined` when a word is not understood. */
function operandsOf(args: readonly ShellWord[]): ShellWord[] | undefined {
  const dashes = args.findIndex((word) => word.value === "--");
  // An unquoted expansion or pattern may become several words, or words that are options.
  if (args.slice(0, dashes < 0 ? undefined : dashes).some(splits)) return undefined;
  const operands: ShellWord[] = [];
  for (let i = 0; i < args.length; i++) {
    const word = args[i];
    if (word === undefined) break;
    const v = word.value;
    if (v === "--") return [...operands, ...args.slice(i + 1)];
    if (!v.startsWith("-") || v === "-") {
      operands.push(word);
      continue;
    }
    // With POSIXLY_CORRECT set, Ruby's OptionParser stops at the first operand and the option
    // joins the command: which of the two knife does depends on the environment.
    if (operands.length > 0) return undefined;
    if (v.startsWith("--")) {
      const eq = v.indexOf("=");
      const name = eq < 0 ? v.slice(2) : v.slice(2, eq);
      if (eq < 0 && FLAG_LONG.has(name)) continue;
      if (!VALUED_LONG.has(name)) return undefined;
      if (eq < 0) i++;
      continue;
    }
    const letter = v.charAt(1);
    if (FLAG_SHORT.has(letter) && v.length === 2) continue;
    if (!VALUED_SHORT.has(letter)) return undefined;
    if (v.length === 2) i++;
  }
  return operands;
}

/** True for a word the shell may split or expand into other words before knife sees it. */
function splits(word: ShellWord): boolean {
  return !word.quoted && (word.dynamic || /[*?[{]/.test(word.value));
}

/** `knife ssh QUERY COMMAND…`: the joined command runs on every node the query finds. */
export function knifeSsh(args: readonly ShellWord[]): Unwrapped | undefined {
  if (args[0]?.value !== "ssh") return undefined;
  const operands = operandsOf(args.slice(1));
  const [query, ...command] = operands ?? [];
  if (query === undefined || command.length === 0) return undefined;
  if (SESSION_MODES.has(command[0]?.value ?? "")) return undefined;
  return {
    kind: "script",
    label: "knife ssh",
    script: command,
    remote: { kind: "fleet", target: query.value },
  };
}
