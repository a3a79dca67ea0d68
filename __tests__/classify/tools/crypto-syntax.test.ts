import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { definitionsOf } from "../../../src/classify/grammar/syntax.js";
import { OPENSSL } from "../../../src/classify/tools/crypto-syntax.js";

/** `openssl CMD -help` as `{ name: takesValue }`, or `undefined` without openssl. */
function helpOf(command: string): Map<string, boolean> | undefined {
  // `openssl CMD -help` prints its summary to stdout or stderr, depending on the version.
  const run = spawnSync("openssl", [command, "-help"], { encoding: "utf8" });
  const text = `${run.stdout ?? ""}${run.stderr ?? ""}`;
  if (run.error !== undefined || !text.includes("Usage")) return undefined;
  const options = new Map<string, boolean>();
  for (const m of text.matchAll(/^ -(\S+)(?: (\S+))?\s{2,}\S/gm))
    if (m[1] !== undefined) options.set(m[1], m[2] !== undefined);
  return options;
}

const installed = helpOf("x509") !== undefined;

describe.skipIf(!installed)("openssl's grammar against the installed openssl's -help", () => {
  it.each([...OPENSSL.subcommands.keys()])(
    "`openssl %s`: every listed option takes a value exactly when the tool says so",
    (command) => {
      const help = helpOf(command);
      if (help === undefined) return;
      const level = OPENSSL.subcommands.get(command);
      expect(level).toBeDefined();
      const compared = definitionsOf(level ?? OPENSSL).flatMap((def) =>
        def.names
          .filter((name) => help.has(name))
          .map((name) => ({ name: `-${name}`, takesValue: def.arity !== "none" })),
      );
      expect(compared.length).toBeGreaterThan(0);
      expect(compared).toEqual(
        compared.map((c) => ({ name: c.name, takesValue: help.get(c.name.slice(1)) })),
      );
    },
  );
});
