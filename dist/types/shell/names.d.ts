import type { ShellCommand, ShellHeredoc } from "./types.js";
/** `/usr/bin/rm` → `rm`; a leading backslash (`\rm`, alias bypass) is already gone after quote removal. */
export declare function commandName(value: string): string;
/**
 * What a command writes to stdout when that is known from the script alone: `echo` and
 * `printf` of static words, `cat` of its own heredoc or here-string. Used to read
 * `echo 'DROP TABLE x' | psql` and `cat <<EOF | bash`.
 */
export declare function staticOutput(command: ShellCommand): string | undefined;
/** An unquoted heredoc whose body the shell changes before passing it on: expansions, escapes. */
export declare function rewrittenByShell(heredoc: ShellHeredoc): boolean;
