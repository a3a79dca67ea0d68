import { readFile } from "node:fs/promises";
import { RunbookExecError } from "../core/errors.js";
import { verifyAuditText, type VerifyOptions, type VerifyResult } from "./verify.js";

/**
 * Reads a log as text. Bytes that are not UTF-8 become U+FFFD and then fail their record's
 * hash, so a damaged byte reads as tampering, not as an unreadable file; only a file that
 * cannot be read at all is an error.
 */
export async function readAuditLogText(path: string): Promise<string> {
  try {
    // Buffer decoding replaces bad bytes like TextDecoder but is faster on large logs; a BOM an
    // editor added is dropped the way TextDecoder would.
    const text = (await readFile(path)).toString("utf8");
    return text.startsWith("\uFEFF") ? text.slice(1) : text;
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

/** Reads and verifies an audit log file. Throws {@link RunbookExecError} when unreadable. */
export async function verifyAuditLog(
  path: string,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  return verifyAuditText(await readAuditLogText(path), options);
}
