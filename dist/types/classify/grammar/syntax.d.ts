/**
 * A tool's command-line grammar as data: its options (which take a value, which are safe for a
 * read), its subcommands, and how its parser treats abbreviations and option order. The
 * closed-world rule (see `closed-world.ts`) only lets a command stay `read_only` when this
 * grammar accounts for every word of it.
 */
/** How an option takes its argument: never, always (attached or next word), or only attached. */
export type Arity = "none" | "required" | "optional";
/** One option and its aliases (`-o`, `--output`). */
export interface OptionDef {
    /** Names without dashes; one letter for a short option (`o`, `output`). */
    readonly names: readonly string[];
    readonly arity: Arity;
    /** False when the option writes files, runs programs or changes state. */
    readonly safe: boolean;
    /** The only values that keep a read (`set -o pipefail`); any value when absent. */
    readonly values?: ReadonlySet<string>;
}
/** A command level: its options and, when it has them, its subcommands. */
export interface Syntax {
    readonly short: ReadonlyMap<string, OptionDef>;
    readonly long: ReadonlyMap<string, OptionDef>;
    /** `-NUM` is an option (`head -5`, `tail -20`). */
    readonly numeric: boolean;
    /** getopt_long and git accept a unique prefix of a long option (`--outp` for `--output`). */
    readonly abbreviate: boolean;
    /** Options may follow operands (GNU argument permutation); otherwise the first operand ends them. */
    readonly permute: boolean;
    /** Long options may be written with one dash (`find -name`, `openssl x509 -noout`). */
    readonly singleDashLong: boolean;
    /** Known subcommands; a level with subcommands takes its first operand as one of them. */
    readonly subcommands: ReadonlyMap<string, Syntax>;
    /** The parent's options are also accepted after this subcommand (kubectl's global flags). */
    readonly inherit: boolean;
    /** How many operands a read may have (`uniq IN [OUT]`: 1); more are outputs. */
    readonly maxOperands: number | undefined;
    /** `--no-NAME` turns a long option off (git's parse-options). */
    readonly negatable: boolean;
    /** `+x` is an option like `-x` (bash's `set +e`), read by the same letters. */
    readonly plusOptions: boolean;
    /**
     * `+WORD` is a command for the tool (`less +G`, `more +/text`): the words matching this
     * pattern are safe, any other is an unsafe option. Absent: `+WORD` is an operand.
     */
    readonly plusCommands: RegExp | undefined;
    /** The operands a read may have (`shopt -s nullglob`); any operand when absent. */
    readonly operands: RegExp | undefined;
}
/** How a {@link syntax} level is parsed. */
export interface SyntaxOptions {
    readonly numeric?: boolean;
    readonly abbreviate?: boolean;
    readonly permute?: boolean;
    readonly singleDashLong?: boolean;
    readonly subcommands?: Readonly<Record<string, Syntax>>;
    readonly inherit?: boolean;
    readonly maxOperands?: number;
    readonly negatable?: boolean;
    readonly plusOptions?: boolean;
    readonly plusCommands?: RegExp;
    readonly operands?: RegExp;
}
/**
 * Build a syntax from a compact option list: entries separated by white space, aliases by
 * commas, one-letter names are short options. A trailing `=` means the option takes a value,
 * `[=]` an optional (attached) value; a leading `!` marks an option that is not safe for a
 * read. `=a|b|c` after the names lists the only values that keep a read.
 * Example: `"n,quiet,silent e,expression= !i,in-place[=] !f,file= o=pipefail|errexit"`.
 */
export declare function syntax(spec: string, options?: SyntaxOptions): Syntax;
/** Every option definition of a level, once each. */
export declare function definitionsOf(level: Syntax): OptionDef[];
