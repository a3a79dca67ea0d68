import type { Parser } from "web-tree-sitter";
import type { PlaceholderUse } from "../core/runbook.js";
/** A script with its placeholders turned into references to environment variables. */
export interface RewrittenScript {
    readonly script: string;
    readonly placeholders: readonly PlaceholderUse[];
}
/** What a placeholder maps to: a parameter name, spelled as declared when it was declared. */
export type NameFor = (canonical: string) => string;
/**
 * Rewrites a shell script's placeholders (`<POD_NAME>`, `{{ cluster }}`, `YOUR_REGION`…) into
 * quoted references to environment variables, fitted to where each one stands as the shell
 * parser reads the script: `"${X}"` unquoted, `${X}` inside double quotes or an unquoted
 * heredoc, `'"${X}"'` inside single quotes. The value then reaches the command as one word of
 * data and never becomes script text (safety invariant 12). A `<` that the shell really reads
 * as a redirection (`sort < in.txt`, `<<EOF`, `3<file`) is left alone; so is a placeholder in a
 * comment. Placeholders that cannot carry a value safely (in a quoted heredoc, in arithmetic,
 * or mapping to a denied name such as `PATH`) stay as written and are reported unbindable.
 */
export declare function rewritePlaceholders(parser: Parser, script: string, nameFor?: NameFor): RewrittenScript;
