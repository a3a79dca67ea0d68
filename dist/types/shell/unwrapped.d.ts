import type { RemoteTarget, ShellRedirect, ShellWord } from "./types.js";
/**
 * What a wrapper does with the words after it:
 * - `argv`: runs `next` as a command (`sudo rm x` → `rm x`);
 * - `script`: runs the joined words as shell text (`bash -c '…'`, `ssh host '…'`, `eval …`);
 * - `stdin`: runs its stdin as shell text (`bash`, `sh -s`, `ssh host <<EOF`).
 */
export type Unwrapped = {
    readonly kind: "argv";
    readonly label: string;
    readonly next: readonly ShellWord[];
    readonly remote?: RemoteTarget;
    /** A file the wrapper itself writes (`strace -o F`, `flock F`, `script F`). */
    readonly writes?: ShellRedirect;
} | {
    readonly kind: "script";
    readonly label: string;
    readonly script: readonly ShellWord[];
    readonly remote?: RemoteTarget;
    readonly writes?: ShellRedirect;
} | {
    readonly kind: "stdin";
    readonly label: string;
    readonly remote?: RemoteTarget;
};
/** A wrapper's reading of the words after its name, or `undefined` when it does not wrap them. */
export type Unwrapper = (args: readonly ShellWord[]) => Unwrapped | undefined;
