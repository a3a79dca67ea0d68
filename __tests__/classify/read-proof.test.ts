import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { classifyScript, loadBashParser } from "../../src/classify/index.js";
import { type Hit, modifying, type Nested, type ToolFamily } from "../../src/classify/hit.js";
import { TOOL_FAMILIES } from "../../src/classify/registry.js";
import { readCommandTable } from "./command-table.js";

/*
 * The class guarantee of issue 10: a tool's `read_only` verdict stands only where a grammar
 * holds every word of the command to account. command.ts enforces it: a rule's read of a name
 * with no syntax table is `modifying` (`grammar.none`) unless the family names how else that
 * name's reads are proven (`readsProvenBy`: its rule holds the grammar itself, a shell
 * built-in, or the verdict of a command it carries). Every registered name is probed here with
 * the argument lists of the command table's reads and a dictionary of reading verbs, both
 * through its rule and through the whole classifier.
 */

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

/** Nested classification answers `modifying`, so only a rule's own verdict can be a read. */
const stub = (): readonly Hit[] => [modifying("probe.nested", "carried command")];
const NESTED: Nested = { shell: stub, argv: stub, sql: stub, code: stub };

const FIRST = [
  ..."list ls show get describe status view version info cat du stat diff plan preview head search logs tail check query lint template whoami about env health members read kv token config auth job node endpoint".split(
    " ",
  ),
  ..."pr issue run release repo workflow api mr ci vm account group storage stack state workspace secret cluster".split(
    " ",
  ),
];
const SECOND =
  "list ls show get view status describe read info lookup health members diff print output history".split(
    " ",
  );

/** The command table's plain reads as words (`ls -la /var/log`). */
const TABLE_READS: readonly (readonly string[])[] = readCommandTable()
  .filter((r) => r.level === "read_only" && !/[|;&<>$`'"\n]/.test(r.command))
  .map((r) => r.command.split(/\s+/));

/** Argument lists a read may have: the command table's reads, then verbs alone and in pairs. */
const PROBES: readonly (readonly string[])[] = [
  [],
  ...readCommandTable()
    .filter((r) => r.level === "read_only")
    .map((r) => r.command.split(/\s+/).slice(1)),
  ...FIRST.map((v) => [v]),
  ...FIRST.flatMap((a) => SECOND.map((b) => [a, b])),
];

function hitsOf(family: ToolFamily, name: string, args: readonly string[]): readonly Hit[] {
  const result = family.rule({
    name,
    args,
    words: args.map((value) => ({
      value,
      raw: value,
      dynamic: false,
      quoted: false,
      line: 1,
      column: 1,
    })),
    command: undefined,
    stdinText: undefined,
    nested: NESTED,
  });
  return "risk" in result ? [result] : result;
}

const isRead = (hits: readonly Hit[]): boolean =>
  hits.length > 0 && hits.every((h) => h.risk === "read_only");

/** The probes each registered name's rule answers `read_only`, by name. */
function readsByName(): Map<string, { family: ToolFamily; reads: (readonly string[])[] }> {
  const out = new Map<string, { family: ToolFamily; reads: (readonly string[])[] }>();
  for (const family of TOOL_FAMILIES)
    for (const name of family.names) {
      const reads = PROBES.filter((args) => isRead(hitsOf(family, name, args)));
      if (reads.length > 0) out.set(name, { family, reads });
    }
  return out;
}

const READS = readsByName();

/** How a name's reads are proven: its syntax table, its family's stated proof, or nothing. */
function proofOf(family: ToolFamily, name: string): string | undefined {
  return family.syntax?.[name] !== undefined ? "syntax" : family.readsProvenBy?.[name];
}

describe("read_only is proven by a grammar for every registered tool", () => {
  it("the probe finds the reads of the tools with grammars", () => {
    for (const name of ["gh", "glab", "az", "gsutil", "bq", "pulumi", "kubectl", "git", "gcloud"])
      expect(READS.has(name), name).toBe(true);
  });

  it("a name whose rule answers read_only but has no proof is never read_only through the classifier", () => {
    const unproven = [...READS].filter(([name, { family }]) => proofOf(family, name) === undefined);
    // The probe must reach such names, or this test proves nothing (brew, nvidia-smi, pg_isready…).
    expect(unproven.length).toBeGreaterThan(20);
    const read = unproven.flatMap(([name, { reads }]) =>
      reads
        // `X --version` alone is a read by its own one-word grammar, whatever X is (command.ts).
        .filter(
          (args) =>
            !(args.length === 1 && /^(--version|--help|-V|-h|version|help)$/.test(args[0] ?? "")),
        )
        .map((args) => [name, ...args].map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(" "))
        .filter((line) => classifyScript(parser, "bash", line).risk === "read_only"),
    );
    expect(read).toEqual([]);
  });

  it("no stated proof is stale: each name can still answer read_only and has no syntax table", () => {
    const stale = TOOL_FAMILIES.flatMap((family) =>
      Object.keys(family.readsProvenBy ?? {}).filter(
        (name) =>
          !family.names.includes(name) ||
          family.syntax?.[name] !== undefined ||
          (READS.get(name) === undefined && family.readsProvenBy?.[name] !== "carried-command"),
      ),
    );
    expect(stale).toEqual([]);
  });

  it("the rules that hold their own grammar refuse an unknown option in each of their table reads (an unknown short option before the rest: the AWS CLI sends unknown long options to the API as parameters, and iproute2 reads words after the command as selectors)", () => {
    const own = new Set(
      TOOL_FAMILIES.flatMap((family) =>
        Object.entries(family.readsProvenBy ?? {})
          .filter(([, proof]) => proof === "own-grammar")
          .map(([name]) => name),
      ),
    );
    const rows = TABLE_READS.filter((args) => own.has(args[0] ?? ""));
    expect(new Set(rows.map((r) => r[0]))).toEqual(new Set(["aws", "find", "tar", "ip"]));
    for (const [name = "", ...args] of rows) {
      const found = READS.get(name);
      expect(
        isRead(hitsOf(found?.family as ToolFamily, name, args)),
        `${name} ${args.join(" ")}`,
      ).toBe(true);
      expect(
        isRead(hitsOf(found?.family as ToolFamily, name, ["-\u00e9", ...args])),
        `${name} ${args.join(" ")}`,
      ).toBe(false);
    }
  });
});
