import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { RunbookExecError } from "../../src/core/errors.js";
import { readRunbookFile } from "../../src/parse/index.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "runbook-read-"));
  mkdirSync(path.join(dir, "folder.md"));
  writeFileSync(
    path.join(dir, "binary.md"),
    Buffer.from([0x23, 0x20, 0x78, 0x0a, 0x00, 0x01, 0x02]),
  );
  writeFileSync(
    path.join(dir, "latin1.md"),
    Buffer.concat([Buffer.from("# T\n\n1. caf"), Buffer.from([0xe9]), Buffer.from("\n")]),
  );
  writeFileSync(path.join(dir, "ok.md"), "# Fine\n");
});

async function failure(file: string): Promise<RunbookExecError> {
  const error = await readRunbookFile(file).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof RunbookExecError))
    throw new Error(`expected a RunbookExecError, got ${String(error)}`);
  return error;
}

describe("readRunbookFile", () => {
  it("reads a UTF-8 file and hashes its bytes", async () => {
    const source = await readRunbookFile(path.join(dir, "ok.md"));
    expect(source.text).toBe("# Fine\n");
    expect(source.sha256).toBe(createHash("sha256").update("# Fine\n").digest("hex"));
  });

  it("names a missing file", async () => {
    const error = await failure(path.join(dir, "missing.md"));
    expect(error.code).toBe("INPUT_NOT_FOUND");
    expect(error.describe()).toContain("missing.md: no such file");
  });

  it("refuses a directory", async () => {
    expect((await failure(path.join(dir, "folder.md"))).code).toBe("INPUT_IS_DIRECTORY");
  });

  it("refuses a binary file and says which line holds the NUL byte", async () => {
    const error = await failure(path.join(dir, "binary.md"));
    expect(error.code).toBe("INPUT_BINARY");
    expect(error.line).toBe(2);
  });

  it("refuses invalid UTF-8 with the line of the bad byte and a fix", async () => {
    const error = await failure(path.join(dir, "latin1.md"));
    expect(error.code).toBe("INPUT_INVALID_UTF8");
    expect(error.line).toBe(3);
    expect(error.describe()).toMatch(/latin1\.md:3: invalid UTF-8; save the file as UTF-8/);
  });
});
