import { createHash } from "node:crypto";
import { isDetached } from "../core/detach.js";
import type { Command } from "../core/runbook.js";
import { canonicalJson } from "../audit/hash.js";

/** Domain separator for {@link stepHash}. */
const STEP_HASH_DOMAIN = "runbook-exec/step/v1\n";

/** A parameter as the step hash sees it. */
export interface HashedParameter {
  readonly name: string;
  readonly value: string | undefined;
  readonly secret: boolean;
}

/**
 * sha256 that identifies what a step runs: the exact scripts with their interpreters, in order,
 * `detach=true` where a script may leave processes running (an approval covers that too), and
 * the names and values of the parameters it receives (safety invariant 12), so an approval is
 * for those exact values. Line numbers and other fence attributes are left out on purpose, so
 * moving a step or editing prose does not invalidate an approval, while any change to what runs
 * does. A secret's value is left out too: the hash is written to the audit log, and a short
 * password could be recovered from it by guessing; the approver never sees that value anyway.
 * A step without parameters hashes exactly as before parameters existed.
 */
export function stepHash(
  commands: readonly (Pick<Command, "script" | "interpreter"> &
    Partial<Pick<Command, "attributes">>)[],
  parameters: readonly HashedParameter[] = [],
): string {
  const scripts = commands.map((command) => ({
    program: command.interpreter.program,
    args: command.interpreter.args,
    scriptVia: command.interpreter.scriptVia,
    script: command.script,
    ...(isDetached(command) && { detach: true }),
  }));
  const material =
    parameters.length === 0
      ? scripts
      : {
          scripts,
          parameters: [...parameters]
            .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
            .map(({ name, value, secret }) =>
              secret
                ? { name, secret: true, bound: value !== undefined }
                : { name, value: value ?? null },
            ),
        };
  return createHash("sha256")
    .update(STEP_HASH_DOMAIN + canonicalJson(material))
    .digest("hex");
}
