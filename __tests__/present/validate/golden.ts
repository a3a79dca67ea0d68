import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { ValidationReport } from "../../../src/core/report.js";
import type { RuleMeta } from "../../../src/lint/types.js";

/** `__tests__/fixtures/format/`. */
export const FIXTURES = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "format",
);

export function readJsonFixture<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(FIXTURES, name), "utf8")) as T;
}

export const REPORT = readJsonFixture<ValidationReport>("report.json");
export const RULES = readJsonFixture<RuleMeta[]>("rules.json");

/** Compares `actual` with a golden file; `UPDATE_GOLDEN=1` rewrites the file instead (review the diff). */
export function expectGolden(actual: string, name: string): void {
  const file = path.join(FIXTURES, name);
  if (process.env["UPDATE_GOLDEN"] === "1") writeFileSync(file, actual);
  expect(actual).toBe(readFileSync(file, "utf8"));
}
