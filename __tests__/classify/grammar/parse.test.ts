import { describe, expect, it } from "vitest";
import { readProblems } from "../../../src/classify/grammar/closed-world.js";
import { hasOption, lastValue, parseArgs } from "../../../src/classify/grammar/parse.js";
import { syntax } from "../../../src/classify/grammar/syntax.js";

const SORT = syntax("u,unique r,reverse n k,key= t,field-separator= !o,output= S,buffer-size=");

describe("parseArgs", () => {
  it("reads a cluster whose last letter takes the next word (`sort -uo FILE`)", () => {
    const parsed = parseArgs(["-uo", "out.txt", "in.txt"], SORT);
    expect(lastValue(parsed, "o")).toBe("out.txt");
    expect(parsed.operands).toEqual(["in.txt"]);
    expect(readProblems(parsed).map((p) => p.kind)).toEqual(["unsafe-option"]);
  });

  it("reads an attached value inside a cluster (`-rkfoo`)", () => {
    const parsed = parseArgs(["-rk2,2", "x"], SORT);
    expect(lastValue(parsed, "key")).toBe("2,2");
    expect(parsed.operands).toEqual(["x"]);
  });

  it("takes an option's value as a value, not a flag (`-t -o`)", () => {
    const parsed = parseArgs(["-t", "-o", "file"], SORT);
    expect(hasOption(parsed, "o")).toBe(false);
    expect(parsed.operands).toEqual(["file"]);
  });

  it("resolves unique abbreviations and reports ambiguous ones", () => {
    expect(lastValue(parseArgs(["--outp=x"], SORT), "output")).toBe("x");
    expect(lastValue(parseArgs(["--o", "x"], SORT), "output")).toBe("x");
    const ambiguous = syntax("verbose version");
    expect(parseArgs(["--ver"], ambiguous).problems.map((p) => p.kind)).toEqual([
      "ambiguous-option",
    ]);
  });

  it("does not abbreviate for tools that do not (`abbreviate: false`)", () => {
    const exact = syntax("!output=", { abbreviate: false });
    expect(parseArgs(["--outp=x"], exact).problems.map((p) => p.kind)).toEqual(["unknown-option"]);
  });

  it("keeps the last of repeated options", () => {
    expect(lastValue(parseArgs(["-o", "a", "-o", "b"], SORT), "o")).toBe("b");
  });

  it("treats everything after `--` as operands", () => {
    const parsed = parseArgs(["--", "-o", "x"], SORT);
    expect(parsed.options).toEqual([]);
    expect(parsed.operands).toEqual(["-o", "x"]);
  });

  it("stops at the first operand without permutation", () => {
    const posix = syntax("!v=", { permute: false });
    expect(parseArgs(["%s", "-v", "x"], posix).operands).toEqual(["%s", "-v", "x"]);
  });

  it("reports unknown options, missing values and values given to flags", () => {
    const kinds = (args: string[]): string[] =>
      parseArgs(args, SORT).problems.map((p) => `${p.word}:${p.kind}`);
    expect(kinds(["--frob"])).toEqual(["--frob:unknown-option"]);
    expect(kinds(["-uX"])).toEqual(["-X:unknown-option"]);
    expect(kinds(["-k"])).toEqual(["-k:missing-value"]);
    expect(kinds(["--unique=yes"])).toEqual(["--unique=yes:unexpected-value"]);
  });

  it("optional values are only attached (`--color` then an operand)", () => {
    const ls = syntax("color[=] l");
    const parsed = parseArgs(["--color", "auto"], ls);
    expect(lastValue(parsed, "color")).toBeUndefined();
    expect(parsed.operands).toEqual(["auto"]);
  });

  it("enters subcommands and inherits global options where the tool does", () => {
    const kube = syntax("n,namespace= !cache-dir=", {
      abbreviate: false,
      subcommands: { get: syntax("o,output= A", { inherit: true }) },
    });
    const parsed = parseArgs(["-n", "get", "get", "pods", "-o", "wide", "-n", "x"], kube);
    expect(parsed.path).toEqual(["get"]);
    expect(parsed.operands).toEqual(["pods"]);
    expect(lastValue(parsed, "namespace")).toBe("x");
    expect(parseArgs(["delete", "pod"], kube).problems.map((p) => p.word)).toEqual(["delete"]);
  });

  it("counts operands beyond what a read takes", () => {
    const uniq = syntax("c", { maxOperands: 1 });
    expect(readProblems(parseArgs(["in", "out"], uniq))).toEqual([
      { word: "out", kind: "extra-operand" },
    ]);
  });

  it("reads `-NUM` only where the tool takes it", () => {
    expect(parseArgs(["-20"], syntax("n=", { numeric: true })).problems).toEqual([]);
    expect(parseArgs(["-20"], syntax("n=")).problems.map((p) => p.kind)).toEqual([
      "unknown-option",
    ]);
  });
  it("reads `+x` like `-x` where the tool does (`set +e -o pipefail`)", () => {
    const set = syntax("e !k o=pipefail|errexit", { plusOptions: true, permute: false });
    const parsed = parseArgs(["+e", "-o", "pipefail", "--", "a"], set);
    expect(hasOption(parsed, "e")).toBe(true);
    expect(parsed.operands).toEqual(["a"]);
    expect(readProblems(parsed)).toEqual([]);
    expect(readProblems(parseArgs(["+k"], set)).map((p) => p.kind)).toEqual(["unsafe-option"]);
    expect(readProblems(parseArgs(["-eo", "posix"], set))).toEqual([
      { word: "-eo posix", kind: "unsafe-value" },
    ]);
  });

  it("holds `+WORD` commands to a pattern where the tool runs them (`less +G`, not `less +!sh`)", () => {
    const less = syntax("N", { plusCommands: /^\+G$/ });
    expect(readProblems(parseArgs(["+G", "-N", "f"], less))).toEqual([]);
    expect(readProblems(parseArgs(["+!sh", "f"], less)).map((p) => p.word)).toEqual(["+!sh"]);
    expect(parseArgs(["+x"], syntax("N")).operands).toEqual(["+x"]);
  });

  it("holds operands to a pattern where only some are known (`shopt -s nullglob`)", () => {
    const shopt = syntax("s u", { operands: /^nullglob$/ });
    expect(readProblems(parseArgs(["-s", "nullglob"], shopt))).toEqual([]);
    expect(readProblems(parseArgs(["-s", "extdebug"], shopt))).toEqual([
      { word: "extdebug", kind: "unknown-operand" },
    ]);
  });
});
