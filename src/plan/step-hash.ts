import { createHash } from "node:crypto";
import type { Command } from "../core/runbook.js";
import { canonicalJson } from "../audit/hash.js";

/** Domain separator for {@link stepHash}. */
const STEP_HASH_DOMAIN = "runbook-exec/step/v1\n";

/**
 * sha256 that identifies what a step runs: the exact scripts with their interpreters, in order.
 * Line numbers and fence attributes are left out on purpose, so moving a step or editing
 * prose does not invalidate an approval, while any change to what runs does.
 */
export function stepHash(commands: readonly Pick<Command, "script" | "interpreter">[]): string {
  const material = commands.map((command) => ({
    program: command.interpreter.program,
    args: command.interpreter.args,
    scriptVia: command.interpreter.scriptVia,
    script: command.script,
  }));
  return createHash("sha256")
    .update(STEP_HASH_DOMAIN + canonicalJson(material))
    .digest("hex");
}
