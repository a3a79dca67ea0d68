import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { ValidationReport } from "../../../src/core/report.js";

const reports = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "..",
  "fixtures",
  "action",
  "reports",
);

/** A `ValidationReport` fixture from `__tests__/fixtures/action/reports/<name>.json`. */
export function loadReport(name: string): ValidationReport {
  return JSON.parse(readFileSync(path.join(reports, `${name}.json`), "utf8")) as ValidationReport;
}
