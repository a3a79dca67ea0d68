import type { ShellRedirect } from "../shell/index.js";
import { code, destructive, type Hit, modifying } from "./hit.js";
import { isSink, isSystemPath, isTempPath } from "./paths.js";

/**
 * Hits for output redirects: appending is modifying; truncating (`>`, `>|`, `&>`) is
 * destructive unless the target is a scratch file; anything into a system path or block
 * device is destructive. `/dev/null`, descriptors and input redirects are harmless.
 */
export function redirectHits(redirects: readonly ShellRedirect[]): Hit[] {
  const hits: Hit[] = [];
  for (const r of redirects) {
    if (r.kind !== "write" && r.kind !== "append") continue;
    const target = r.target;
    if (target === undefined || isSink(target.value)) continue;
    const shown = code(`${r.fd ?? ""}${r.operator}`, target.raw);
    if (isSystemPath(target.value))
      hits.push(destructive("redirect.system", `${shown} writes a system file or device`));
    else if (r.kind === "append")
      hits.push(modifying("redirect.append", `${shown} appends to a file`));
    else if (isTempPath(target.value))
      hits.push(modifying("redirect.temp", `${shown} writes a temporary file`));
    else hits.push(destructive("redirect.truncate", `${shown} truncates ${code(target.raw)}`));
  }
  return hits;
}
