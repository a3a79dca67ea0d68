import type { ShellCommand, ShellHeredoc } from "./types.js";

/** `/usr/bin/rm` → `rm`; a leading backslash (`\rm`, alias bypass) is already gone after quote removal. */
export function commandName(value: string): string {
  const slash = value.lastIndexOf("/");
  return slash < 0 ? value : value.slice(slash + 1);
}

/**
 * What a command writes to stdout when that is known from the script alone: `echo` and
 * `printf` of static words, `cat` of its own heredoc or here-string. Used to read
 * `echo 'DROP TABLE x' | psql` and `cat <<EOF | bash`.
 */
export function staticOutput(command: ShellCommand): string | undefined {
  const args = command.argv.slice(1);
  if (args.some((w) => w.dynamic)) return undefined;
  // echo and printf decode backslash escapes (printf always, echo with -e, dash's echo always:
  // `\073` is `;`); text holding one is not predicted.
  if (
    (command.name === "echo" || command.name === "printf") &&
    args.some((w) => w.value.includes("\\"))
  )
    return undefined;
  switch (command.name) {
    case "echo": {
      const words = args.filter((w, i) => !(i === 0 && /^-[neE]+$/.test(w.value)));
      return words.map((w) => w.value).join(" ") + "\n";
    }
    case "printf":
      return args.length === 1 && args[0]?.value.includes("%") === false
        ? args[0].value
        : undefined;
    case "cat": {
      if (args.length > 0) return undefined;
      const stdin = command.stdin;
      if (stdin?.kind === "heredoc")
        return rewrittenByShell(stdin.heredoc) ? undefined : stdin.heredoc.body;
      if (stdin?.kind === "herestring" && !stdin.word.dynamic) return stdin.word.value + "\n";
      return undefined;
    }
    default:
      return undefined;
  }
}

/** An unquoted heredoc whose body the shell changes before passing it on: expansions, escapes. */
export function rewrittenByShell(heredoc: ShellHeredoc): boolean {
  return heredoc.expands && /[$`\\]/.test(heredoc.body);
}
