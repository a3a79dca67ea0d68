import type { ShellPosition } from "./types.js";
/** An unfilled placeholder found in a script, at its 1-based position in the script. */
export interface Placeholder extends ShellPosition {
    readonly text: string;
}
/**
 * The parameter a placeholder stands for: its name in upper case with every run of other
 * characters as one `_` (`<CR-NAME>` → `CR_NAME`, `<multi word name>` → `MULTI_WORD_NAME`,
 * `{{ cluster }}` → `CLUSTER`, `your-region` → `YOUR_REGION`).
 */
export declare function placeholderParameterName(text: string): string;
/**
 * Unfilled placeholders (`<HOST>`, `YOUR_TOKEN`, `CHANGEME`, `{{ name }}`, `${{ name }}`) in a
 * script, leaving out comment lines, which talk about placeholders rather than use them.
 */
export declare function findPlaceholders(script: string): Placeholder[];
