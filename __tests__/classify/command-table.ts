import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { isRiskLevel, type RiskLevel } from "../../src/core/risk.js";

/** One row of the command table: expected level, expected reason id substring, command. */
export interface Row {
  readonly line: number;
  readonly level: RiskLevel;
  readonly reason: string;
  readonly command: string;
}

const fixture = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "fixtures",
  "classify",
  "commands.tsv",
);

/** The command table (`fixtures/classify/commands.tsv`), shared by the table and wrapping tests. */
export function readCommandTable(): Row[] {
  const rows: Row[] = [];
  readFileSync(fixture, "utf8")
    .split("\n")
    .forEach((text, i) => {
      if (text.trim() === "" || text.startsWith("#")) return;
      const [level = "", reason = "", ...rest] = text.split("\t");
      if (!isRiskLevel(level) || reason === "" || rest.length === 0)
        throw new Error(`${fixture}:${i + 1}: expected "level<TAB>reason<TAB>command"`);
      rows.push({ line: i + 1, level, reason, command: rest.join("\t").replaceAll("␤", "\n") });
    });
  return rows;
}
