import type { Node } from "web-tree-sitter";
import type { ShellHeredoc, ShellRedirect } from "./types.js";
import { type Offset } from "./words.js";
/**
 * Parse one redirect node into `out`. Commands inside its words are collected in
 * `out.nested` to be walked later; a pipeline hung off a heredoc (`cat <<EOF | psql`) goes
 * to `out.continuation`.
 */
export declare function parseRedirect(r: Node, offset: Offset, redirects: ShellRedirect[], heredocs: ShellHeredoc[], continuation: Node[], nested: Node[]): void;
