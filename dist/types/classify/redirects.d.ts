import type { ShellRedirect } from "../shell/index.js";
import { type Hit } from "./hit.js";
/**
 * Hits for output redirects: appending is modifying; truncating (`>`, `>|`, `&>`) is
 * destructive unless the target is a scratch file; anything into a system path or block
 * device is destructive. `/dev/null`, descriptors and input redirects are harmless.
 */
export declare function redirectHits(redirects: readonly ShellRedirect[]): Hit[];
