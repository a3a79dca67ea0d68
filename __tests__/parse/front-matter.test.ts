import { describe, expect, it } from "vitest";
import { parseFrontMatter } from "../../src/parse/front-matter.js";

/** Front matter whose `---` is on line 1, so its first key is on line 2. */
const parse = (yaml: string): ReturnType<typeof parseFrontMatter> => parseFrontMatter(yaml, 1);

describe("parseFrontMatter", () => {
  it("reads title, owners, the step mode and parameters, and keeps every other key", () => {
    const result = parse(
      "title: Disk full\nowners: [sre, 42]\nsteps: fences\nparameters:\n  HOST: web-1\nteam: ops\nlinks: { wiki: x }\n",
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        title: "Disk full",
        owners: ["sre", "42"],
        stepMode: "fences",
        problems: [],
        extra: { team: "ops", links: { wiki: "x" } },
      },
    });
    expect(result.ok && Object.keys(result.value.extra)).toEqual(["team", "links"]);
    expect(result.ok && result.value.parameters.map((p) => [p.name, p.default, p.line])).toEqual([
      ["HOST", "web-1", 6],
    ]);
  });

  it("takes one owner as a list of one and ignores a title or owners of another shape", () => {
    expect(parse("owners: sre\n")).toMatchObject({ ok: true, value: { owners: ["sre"] } });
    expect(parse("title: [a, b]\nowners: { a: 1 }\n")).toMatchObject({
      ok: true,
      value: { title: undefined, owners: [] },
    });
  });

  it("is empty for empty front matter", () => {
    expect(parse("")).toMatchObject({ ok: true, value: { title: undefined, extra: {} } });
  });

  it.each([
    ["a list", "- a\n- b\n"],
    ["a scalar", "just text\n"],
  ])("refuses %s: front matter must be a mapping, at its first line", (_name, yaml) => {
    expect(parse(yaml)).toEqual({
      ok: false,
      line: 2,
      message: "front matter must be a YAML mapping (key: value)",
    });
  });

  it("points YAML syntax errors at their line in the runbook", () => {
    expect(parse("title: a\nbad: [\n")).toMatchObject({ ok: false, line: 4 });
  });

  it.each(["steps: all", "steps: 3", "steps: [fences]"])(
    "reports `%s` at its line with the fix, and keeps the rest",
    (steps) => {
      const result = parse(`title: T\n${steps}\n`);
      expect(result).toMatchObject({
        ok: true,
        value: {
          title: "T",
          stepMode: undefined,
          problems: [
            {
              line: 3,
              severity: "error",
              message: expect.stringMatching(
                /^Unexpected `steps: .*`, expected `numbered` or `fences`$/,
              ),
              fix: "Write `steps: fences` to run every executable fence as a step, or remove the key",
            },
          ],
        },
      });
    },
  );
});
