import { readFile } from "node:fs/promises";
import { RunbookExecError } from "../core/errors.js";
import { assertAuditLog } from "./recognise.js";
import { verifyAuditText, type VerifyOptions, type VerifyResult } from "./verify.js";

/**
 * Reads a log's bytes, untouched: the verifier holds them against each record's canonical form,
 * so a BOM, a CR or a byte that is not UTF-8 is a break at its offset, never silently dropped or
 * replaced. Only a file that cannot be read at all is an error.
 */
export async function readAuditLogBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (cause) {
    const code = cause instanceof Error && "code" in cause ? cause.code : undefined;
    if (code === "ENOENT") {
      throw new RunbookExecError("INPUT_NOT_FOUND", "no such audit log; check the path", {
        file: path,
        cause,
      });
    }
    if (code === "EISDIR") {
      throw new RunbookExecError(
        "INPUT_IS_DIRECTORY",
        "is a directory; pass one `.ndjson` audit log",
        {
          file: path,
          cause,
        },
      );
    }
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      `cannot read the audit log (${String(code ?? cause)})`,
      {
        file: path,
        cause,
      },
    );
  }
}

/**
 * Reads and verifies an audit log file. Throws {@link RunbookExecError} when it is unreadable
 * or not an audit log at all.
 */
export async function verifyAuditLog(
  path: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  const result = verifyAuditText(await readAuditLogBytes(path), options);
  assertAuditLog(path, result);
  return result;
}
