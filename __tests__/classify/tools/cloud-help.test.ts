import { execFile, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Arity, Syntax } from "../../../src/classify/grammar/syntax.js";
import { BQ } from "../../../src/classify/tools/bq-syntax.js";
import { GSUTIL } from "../../../src/classify/tools/gsutil-syntax.js";

/*
 * The gsutil and bq grammars against the installed tools, where the Google Cloud SDK is
 * installed: every option the tool defines must be in the table, taking a value exactly when
 * the tool's parser says so. A value-taking option written as a flag would let its value pass
 * for the command (`gsutil -h ls rm gs://b`). az, gh, glab, pulumi, terragrunt and helmfile
 * are not installed on the machines this runs on; their tables follow their manual pages.
 */

/** Where a program is on PATH, with links resolved; `undefined` when it is not installed. */
function installed(program: string): string | undefined {
  const found = spawnSync("sh", ["-c", `command -v ${program}`], { encoding: "utf8" });
  const where = found.stdout.trim();
  return found.status === 0 && where !== "" ? realpathSync(where) : undefined;
}

function arityIn(level: Syntax, name: string): Arity | undefined {
  return (name.length === 1 ? level.short : level.long).get(name)?.arity;
}

/** getopt's option string (`'dDvo:?h:'`) and long list (`['debug', 'trace-token=']`) as arities. */
function getoptOptions(shortSpec: string, longs: readonly string[]): Map<string, Arity> {
  const out = new Map<string, Arity>();
  for (const m of shortSpec.matchAll(/(.)(:?)/g))
    out.set(m[1] ?? "", m[2] === ":" ? "required" : "none");
  for (const long of longs)
    out.set(long.replace(/=$/, ""), long.endsWith("=") ? "required" : "none");
  return out;
}

function mismatches(level: Syntax, options: ReadonlyMap<string, Arity>): string[] {
  return [...options]
    .filter(([name, arity]) => arityIn(level, name) !== arity)
    .map(([name, arity]) => `${name}: table ${arityIn(level, name) ?? "missing"}, tool ${arity}`);
}

const gsutil = installed("gsutil");
const gslib =
  gsutil === undefined
    ? undefined
    : path.join(path.dirname(gsutil), "..", "platform", "gsutil", "gslib");

describe.skipIf(gslib === undefined || !existsSync(gslib ?? ""))(
  "gsutil's grammar against the installed gsutil's getopt tables",
  () => {
    const source = (file: string): string => readFileSync(path.join(gslib ?? "", file), "utf8");

    it("top-level options", () => {
      const text = source("utils/arg_helper.py");
      const m = /getopt\.getopt\(sys\.argv\[1:\], '([^']*)', \[([^\]]*)\]/.exec(text);
      expect(m, "arg_helper.py no longer calls getopt the same way").not.toBeNull();
      const longs = [...(m?.[2] ?? "").matchAll(/'([^']+)'/g)].map((l) => l[1] ?? "");
      expect(mismatches(GSUTIL, getoptOptions(m?.[1] ?? "", longs))).toEqual([]);
    });

    it.each([
      ["ls", "ls.py"],
      ["cat", "cat.py"],
      ["du", "du.py"],
      ["stat", "stat.py"],
      ["hash", "hash.py"],
      ["version", "version.py"],
    ])("%s", (command, file) => {
      const text = source(path.join("commands", file));
      const spec = /supported_sub_args='([^']*)'/.exec(text)?.[1];
      expect(spec, `${file}: supported_sub_args`).toBeDefined();
      expect(/supported_private_args=\[/.test(text), `${file} has long options now`).toBe(false);
      const level = GSUTIL.subcommands.get(command) as Syntax;
      expect(mismatches(level, getoptOptions(spec ?? "", []))).toEqual([]);
    });
  },
);

const bq = installed("bq");
const run = promisify(execFile);

/** absl's help lines: `  -a,--[no]all: …` (a boolean) and `  --filter: …` (takes a value). */
function abslOptions(help: string): Map<string, Arity> {
  const out = new Map<string, Arity>();
  for (const m of help.matchAll(/^\s+(?:-(\w+),)?--(\[no\])?(\w+):/gm)) {
    const arity: Arity = m[2] === undefined ? "required" : "optional";
    for (const name of [m[1], m[3]]) if (name !== undefined) out.set(name, arity);
    if (m[2] !== undefined) out.set(`no${m[3] ?? ""}`, "none");
  }
  return out;
}

describe.skipIf(bq === undefined)("bq's grammar against the installed bq's --help", () => {
  const home = mkdtempSync(path.join(tmpdir(), "bq-home-"));
  const help = new Map<string, string>();
  const COMMANDS = ["ls", "show", "head", "wait", "get-iam-policy"] as const;

  beforeAll(async () => {
    // A throw-away HOME and SDK configuration: the help run must not touch the user's.
    const env = { ...process.env, HOME: home, CLOUDSDK_CONFIG: home };
    const texts = await Promise.all(
      [["--helpfull"], ...COMMANDS.map((c) => ["help", c])].map(async (args) => {
        const { stdout } = await run("bq", args, { env, timeout: 60_000 }).catch(
          (e: { stdout?: string }) => ({ stdout: e.stdout ?? "" }),
        );
        return [args.at(-1) ?? "", stdout] as const;
      }),
    );
    for (const [key, text] of texts) help.set(key, text);
  }, 90_000);

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
  });

  /** `none` for `--noNAME` is how the table has it: `[=]` optional for NAME, none for noNAME. */
  const check = (level: Syntax, text: string): string[] => {
    const options = abslOptions(text);
    expect(options.size, "the help parser read no options").toBeGreaterThan(0);
    return [...options]
      .filter(([name, arity]) => (arityIn(level, name) ?? arityIn(BQ, name)) !== arity)
      .map(([name, arity]) => `${name}: table ${arityIn(level, name) ?? "missing"}, bq ${arity}`);
  };

  it("global flags", () => {
    expect(check(BQ, help.get("--helpfull") ?? "")).toEqual([]);
  });

  it.each(COMMANDS)("%s", (command) => {
    expect(check(BQ.subcommands.get(command) as Syntax, help.get(command) ?? "")).toEqual([]);
  });
});
