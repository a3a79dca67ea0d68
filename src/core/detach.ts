import type { FenceAttribute } from "./runbook.js";

/** The fence attribute that lets a script's processes outlive it (safety invariant 10). */
export const DETACH_ATTRIBUTE = "detach";

/**
 * True when a fence says `{detach=true}`: its script runs without a PID namespace and what it
 * starts is left running. Anything else (absent, `false`, a typo) keeps the script contained.
 */
export function isDetached(command: { readonly attributes?: readonly FenceAttribute[] }): boolean {
  return command.attributes?.some((a) => a.key === DETACH_ATTRIBUTE && a.value === "true") === true;
}
