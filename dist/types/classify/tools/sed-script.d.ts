/**
 * What a sed script does, read command by command (GNU sed 4.9 syntax): the closed-world
 * answer is `reads` only when every command is one that prints, edits the pattern space or
 * reads a file. `w`/`W`, `e` and the `s///w` / `s///e` flags write files or run commands.
 */
export type SedScript = {
    readonly kind: "reads";
} | {
    readonly kind: "writes";
    readonly command: string;
} | {
    readonly kind: "unknown";
    readonly at: string;
};
/** Read a sed script; `reads` only when every command is understood and none writes or runs. */
export declare function readSedScript(script: string): SedScript;
