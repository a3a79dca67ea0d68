/**
 * The parts of an awk program that reach outside it: `system()`, pipes to and from commands
 * (`print | "cmd"`, `"cmd" | getline`), output redirections of `print`/`printf` (`> file`,
 * `>> file`), and gawk's `@load`/`@include`. Returns the first one found, or `undefined` when
 * the program only reads its input and prints.
 */
export declare function awkSideEffect(program: string): string | undefined;
