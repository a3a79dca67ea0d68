import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { RunbookExecError } from "../core/errors.js";
import { DEFAULT_MAX_FILE_BYTES, type InputLimit } from "./limits.js";

/** A runbook file's text, ready to parse, with the hash of its exact bytes. */
export interface RunbookSource {
  readonly path: string;
  readonly text: string;
  readonly sha256: string;
  /** Set instead of reading a file larger than `max_file_bytes`; `text` is then empty. */
  readonly oversize?: InputLimit | undefined;
}

export interface ReadOptions {
  /** `max_file_bytes`: a larger file is not read, and its source says why. */
  readonly maxBytes: number;
}

/** How many leading bytes are sniffed for NUL bytes, the mark of a binary file. */
const BINARY_SNIFF_BYTES = 8000;

/**
 * Reads a runbook as UTF-8. A missing file, a directory, a binary file or invalid UTF-8
 * becomes a {@link RunbookExecError} that names the file (and line, for bad bytes).
 */
export async function readRunbookFile(
  path: string,
  options: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_BYTES },
): Promise<RunbookSource> {
  return readRunbookFileSync(path, options);
}

/**
 * {@link readRunbookFile} without a promise: `validate` reads a thousand files one after the
 * other, and a synchronous stat and read cost less CPU than the six file-system requests,
 * promises and thread hand-offs of an asynchronous read (bench/validate). Files are bounded by
 * `max_file_bytes`, so the thread never waits long.
 */
export function readRunbookFileSync(
  path: string,
  options: ReadOptions = { maxBytes: DEFAULT_MAX_FILE_BYTES },
): RunbookSource {
  const bytes = readBytes(path, options.maxBytes);
  if (typeof bytes === "number")
    return { path, text: "", sha256: "", oversize: oversize(bytes, options.maxBytes) };
  return decodeRunbook(path, bytes);
}

function oversize(bytes: number, maxBytes: number): InputLimit {
  return {
    line: 1,
    message: `Unexpected file of ${bytes} bytes, expected at most \`max_file_bytes\` = ${maxBytes}; the file is not read`,
    fix: "Split the runbook, or raise `max_file_bytes` in .runbook-exec.toml if the file is trusted",
  };
}

/** Decodes bytes already in memory; used by {@link readRunbookFile} and by tests. */
export function decodeRunbook(path: string, bytes: Uint8Array): RunbookSource {
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const sniffed = bytes.subarray(0, BINARY_SNIFF_BYTES);
  const nul = sniffed.indexOf(0);
  if (nul !== -1) {
    throw new RunbookExecError(
      "INPUT_BINARY",
      "this is a binary file (it contains a NUL byte), not a Markdown runbook; pass .md files only",
      { file: path, line: lineOfOffset(bytes, nul) },
    );
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch (cause) {
    throw new RunbookExecError(
      "INPUT_INVALID_UTF8",
      "invalid UTF-8; save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)",
      { file: path, line: lineOfOffset(bytes, firstInvalidUtf8Offset(bytes)), cause },
    );
  }
  return { path, text, sha256 };
}

/** The file's bytes, or its size when that is over `maxBytes` (it is then not read). */
function readBytes(path: string, maxBytes: number): Uint8Array | number {
  try {
    const info = statSync(path);
    if (info.isDirectory()) {
      throw new RunbookExecError(
        "INPUT_IS_DIRECTORY",
        "is a directory; `validate` accepts directories, `run` needs one runbook file",
        { file: path },
      );
    }
    if (info.size > maxBytes) return info.size;
    const bytes = readFileSync(path);
    // The file may have grown between stat and read.
    return bytes.length > maxBytes ? bytes.length : bytes;
  } catch (error) {
    if (error instanceof RunbookExecError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") {
      throw new RunbookExecError("INPUT_NOT_FOUND", "no such file; check the path", {
        file: path,
        cause: error,
      });
    }
    throw new RunbookExecError(
      "INPUT_UNREADABLE",
      `cannot read the file (${code ?? "unknown error"}); check its permissions`,
      { file: path, cause: error },
    );
  }
}

function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let low = 0;
  let high = bytes.length;
  // Binary search for the shortest prefix that fails to decode; a prefix that ends inside a
  // valid multi-byte sequence also fails, so step back to its lead byte afterwards.
  while (low < high) {
    const middle = (low + high) >>> 1;
    try {
      decoder.decode(bytes.subarray(0, middle + 1));
      low = middle + 1;
    } catch {
      high = middle;
    }
  }
  return low;
}
