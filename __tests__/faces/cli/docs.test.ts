import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, run } from "./harness.js";

const docs = readFileSync(path.join(FIXTURES, "..", "..", "..", "README.md"), "utf8");

describe("README.md, command line", () => {
  it("documents every flag `validate --help` lists", async () => {
    const { stdout } = await run(["validate", "--help"]);
    const flags = [...stdout.matchAll(/^ {2}((?:-\w, )?--[\w-]+(?: <\w+>)?)/gm)].map(
      (m) => m[1] ?? "",
    );
    expect(flags.length).toBeGreaterThanOrEqual(8);
    for (const flag of flags.filter((f) => f !== "-h, --help"))
      expect(docs).toContain(`| \`${flag}\``);
  });

  it("documents every output format", async () => {
    for (const format of ["text", "json", "sarif", "github"])
      expect(docs).toContain(`**\`${format}\`**`);
  });
});
