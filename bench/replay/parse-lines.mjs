// Baseline for bench/replay: read the log and JSON.parse every line, nothing else.
import { readFileSync } from "node:fs";

const text = readFileSync(process.argv[2] ?? "", "utf8");
let records = 0;
for (const line of text.split("\n")) {
  if (line !== "") {
    JSON.parse(line);
    records += 1;
  }
}
process.stdout.write(`${records}\n`);
