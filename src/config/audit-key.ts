import { readFileSync } from "node:fs";
import { RunbookExecError } from "../core/errors.js";
import { auditKeyFrom } from "../redact/secret-env.js";
import type { Config } from "./types.js";

/**
 * The audit log's HMAC key: from `audit_key_file` when configured (a file no step needs in its
 * environment), else from `RUNBOOK_EXEC_AUDIT_KEY`. One trailing newline is not part of the key.
 * An unreadable or empty key file is a `CONFIG_INVALID` error naming the file: a run that was
 * meant to be signed must not quietly go unsigned.
 */
export function readAuditKey(
  config: Pick<Config, "auditKeyFile">,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  const file = config.auditKeyFile;
  if (file === undefined) return auditKeyFrom(env);
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (cause) {
    throw new RunbookExecError(
      "CONFIG_INVALID",
      "`audit_key_file` cannot be read; fix: create it (e.g. `head -c 32 /dev/urandom | base64 > FILE; chmod 600 FILE`) or correct the path",
      { file, cause },
    );
  }
  const key = text.replace(/\r?\n$/, "");
  if (key === "") {
    throw new RunbookExecError(
      "CONFIG_INVALID",
      "`audit_key_file` is empty; fix: write the key into it",
      { file },
    );
  }
  return key;
}
