import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  COMMAND_WORDS,
  parseComment,
  runCommandFrom,
} from "../../../../src/faces/action/chatops/grammar.js";

const word = fc.stringMatching(/^[A-Za-z0-9._\-/]{1,20}$/);
const varName = fc
  .stringMatching(/^[A-Z][A-Z0-9_]{0,10}$/)
  .filter((name) => !["PATH", "ENV", "IFS", "HOME", "SHELL", "PWD", "UID"].includes(name))
  .map((name) => `RB_${name}`);
const varValue = fc.stringMatching(/^[^\s]{0,20}$/);
const path = fc.stringMatching(/^runbooks\/[a-z0-9-]{1,20}\.md$/);
const incident = fc.stringMatching(/^INC-[0-9]{1,6}$/);

describe("ChatOps comment grammar", () => {
  it("reads each form", () => {
    expect(
      parseComment("/runbook run runbooks/disk-full.md incident=INC-7 dry-run NS=prod"),
    ).toEqual({
      kind: "command",
      command: {
        kind: "run",
        path: "runbooks/disk-full.md",
        incidentId: "INC-7",
        dryRun: true,
        vars: { NS: "prod" },
      },
    });
    expect(parseComment("/runbook plan runbooks/a.md")).toEqual({
      kind: "command",
      command: { kind: "plan", path: "runbooks/a.md" },
    });
    expect(parseComment("  /runbook validate docs/runbooks/a.md  \r\nthanks!")).toEqual({
      kind: "command",
      command: { kind: "validate", path: "docs/runbooks/a.md" },
    });
    expect(parseComment("/runbook help")).toEqual({ kind: "command", command: { kind: "help" } });
    expect(parseComment("/approve 3")).toEqual({
      kind: "command",
      command: { kind: "approve", step: 3 },
    });
    expect(parseComment("/deny\t12")).toEqual({
      kind: "command",
      command: { kind: "deny", step: 12 },
    });
    expect(parseComment("/abort")).toEqual({ kind: "command", command: { kind: "abort" } });
  });

  it("reads the first non-empty line, the command word in any case, as the approval channel does", () => {
    expect(parseComment("\n  \n/Approve 3\nthanks")).toEqual({
      kind: "command",
      command: { kind: "approve", step: 3 },
    });
    expect(parseComment("/RUNBOOK help")).toEqual({ kind: "command", command: { kind: "help" } });
  });

  it("ignores comments that are not commands, quietly", () => {
    for (const body of [
      "",
      "LGTM",
      "please /runbook run x.md",
      "/runbooks run x.md",
      "> /approve 3",
    ]) {
      expect(parseComment(body)).toEqual({ kind: "ignored" });
    }
  });

  it("answers malformed commands with a problem to show beside the usage", () => {
    const malformed = [
      "/runbook",
      "/runbook launch runbooks/a.md",
      "/runbook run",
      "/runbook run runbooks/a.md now",
      "/runbook run runbooks/a.md =prod",
      "/runbook run runbooks/a.md 1NS=prod",
      "/runbook run runbooks/a.md NS-X=prod",
      "/runbook run runbooks/a.md PATH=/tmp",
      "/runbook run runbooks/a.md LD_PRELOAD=/x.so",
      "/runbook run runbooks/a.md NS=a ns=b",
      "/runbook run runbooks/a.md incident=",
      "/runbook run runbooks/a.md incident=$(id)",
      "/runbook run runbooks/a.md incident=A incident=B",
      "/runbook run runbooks/a.md dry-run dry-run",
      "/runbook run runbooks/a.md --dry-run",
      "/runbook run runbooks/a.md; rm -rf /",
      "/runbook run NS=prod",
      "/runbook plan runbooks/a.md extra",
      "/runbook plan",
      "/runbook help me",
      "/approve",
      "/approve three",
      "/approve 0",
      "/approve -1",
      "/approve 3 4",
      "/approve ３",
      "/abort now",
      `/runbook run runbooks/a.md ${"X=1 ".repeat(600)}`,
    ];
    for (const body of malformed) {
      const parsed = parseComment(body);
      expect(parsed.kind, body).toBe("usage");
      if (parsed.kind === "usage") expect(parsed.problem.length).toBeGreaterThan(10);
    }
  });

  it("property: never throws, and only a command word opening the first line is read", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (body) => {
        const parsed = parseComment(body);
        const first =
          body
            .split(/\r\n|\r|\n/)[0]
            ?.trim()
            .split(/[ \t]+/)[0] ?? "";
        if (!(COMMAND_WORDS as readonly string[]).includes(first)) {
          expect(parsed).toEqual({ kind: "ignored" });
        } else {
          expect(parsed.kind).not.toBe("ignored");
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("property: a well-formed run reads back exactly, in any option order", () => {
    const options = fc.record({
      incident: fc.option(incident, { nil: undefined }),
      dryRun: fc.boolean(),
      vars: fc.dictionary(varName, varValue, { maxKeys: 4 }),
    });
    fc.assert(
      fc.property(path, options, fc.integer({ min: 0, max: 1000 }), (file, opts, seed) => {
        const words = [
          ...(opts.incident === undefined ? [] : [`incident=${opts.incident}`]),
          ...(opts.dryRun ? ["dry-run"] : []),
          ...Object.entries(opts.vars).map(([k, v]) => `${k}=${v}`),
        ];
        const shuffled = words
          .map((w, i) => [(i * 7919 + seed) % 101, w] as const)
          .sort((a, b) => a[0] - b[0]);
        const body = `/runbook run ${file} ${shuffled.map(([, w]) => w).join(" ")}\nmore text`;
        expect(parseComment(body)).toEqual({
          kind: "command",
          command: {
            kind: "run",
            path: file,
            incidentId: opts.incident,
            dryRun: opts.dryRun,
            vars: opts.vars,
          },
        });
      }),
    );
  });

  it("property: any bare word that is not `dry-run` makes a run a usage answer", () => {
    fc.assert(
      fc.property(
        path,
        word.filter((w) => w !== "dry-run"),
        (file, extra) => {
          expect(parseComment(`/runbook run ${file} ${extra}`).kind).toBe("usage");
        },
      ),
    );
  });

  it("property: a malformed KEY=value makes a run a usage answer", () => {
    const badKey = fc.oneof(
      fc.constant(""),
      fc.stringMatching(/^[0-9][A-Za-z0-9_]{0,5}$/),
      fc.stringMatching(/^[A-Za-z_]{1,4}[^A-Za-z0-9_=\s][A-Za-z_]{0,3}$/),
    );
    fc.assert(
      fc.property(path, badKey, varValue, (file, key, value) => {
        expect(parseComment(`/runbook run ${file} ${key}=${value}`).kind).toBe("usage");
      }),
    );
  });

  it("checks a dispatch's fields with the same rules", () => {
    const ok = runCommandFrom({
      path: "runbooks/a.md",
      incidentId: "INC-1",
      dryRun: false,
      vars: { NS: "x" },
    });
    expect(ok.kind).toBe("command");
    expect(
      runCommandFrom({ path: "runbooks/a.md", incidentId: "a b", dryRun: false, vars: {} }).kind,
    ).toBe("usage");
    expect(
      runCommandFrom({
        path: "runbooks/a.md",
        incidentId: undefined,
        dryRun: false,
        vars: { BASH_ENV: "/x" },
      }).kind,
    ).toBe("usage");
  });
});
