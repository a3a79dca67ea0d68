import type { ToolFamily } from "./hit.js";
/** Every tool family, later entries winning a name clash (specific tables after `readers`). */
export declare const TOOL_FAMILIES: readonly ToolFamily[];
/** A tool family and the name it knows the command by. */
export interface ToolMatch {
    readonly family: ToolFamily;
    /** `python3` for `python3.11`, `mkfs` for `mkfs.ext4`, `kubectl` for `kubectl.exe`. */
    readonly name: string;
}
/**
 * The family for a command name: exact, then without a version suffix (`python3.11`,
 * `pip3.12`), then the part before a dot (`mkfs.ext4`), then without `.exe`.
 */
export declare function toolFor(name: string): ToolMatch | undefined;
