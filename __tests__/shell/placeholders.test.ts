import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { withLiteralValues } from "../../src/shell/placeholder-literals.js";
import { rewritePlaceholders } from "../../src/shell/placeholders.js";

const FIXTURE = path.resolve(import.meta.dirname, "../fixtures/shell/placeholders.md");
const UPDATE = process.env.UPDATE_GOLDEN === "1";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

function cases(): string[] {
  const text = readFileSync(FIXTURE, "utf8");
  return [...text.matchAll(/```bash\n([\s\S]*?)\n```/g)].map((match) => match[1] ?? "");
}

const rewrite = (script: string) => rewritePlaceholders(parser, script);

describe("rewritePlaceholders: golden cases", () => {
  it("rewrites every case in placeholders.md as recorded in placeholders.md.json", () => {
    const actual = cases().map((script) => {
      const result = rewrite(script);
      return {
        script,
        rewritten: result.script,
        placeholders: result.placeholders.map((use) => ({
          text: use.text,
          name: use.name,
          at: `${use.line}:${use.column}`,
          binding: use.binding.kind === "bound" ? use.binding.context : use.binding.reason,
        })),
      };
    });
    const golden = `${FIXTURE}.json`;
    if (UPDATE) writeFileSync(golden, `${JSON.stringify(actual, null, 2)}\n`);
    expect(actual).toEqual(JSON.parse(readFileSync(golden, "utf8")));
  });
});

describe("rewritePlaceholders: each quoting context", () => {
  it.each([
    [
      "oc describe pod <POD_NAME> -n <NAMESPACE>",
      'oc describe pod "${POD_NAME}" -n "${NAMESPACE}"',
    ],
    ['echo "in <NS> now"', 'echo "in ${NS} now"'],
    ["echo 'in <NS> now'", `echo 'in '"\${NS}"' now'`],
    ["echo '<value of the label>'", 'echo "${VALUE_OF_THE_LABEL}"'],
    ["echo $'a\\t<NS>'", `echo $'a\\t'"\${NS}"$''`],
    ["echo $(kubectl get ns <NS>)", 'echo $(kubectl get ns "${NS}")'],
    ['echo "$(kubectl get ns <NS>)"', 'echo "$(kubectl get ns "${NS}")"'],
    ["cp a <NAME>-backup", 'cp a "${NAME}"-backup'],
    ["kubectl get --namespace=<NS>", 'kubectl get --namespace="${NS}"'],
    ["cat <<EOF\nns: <NS>\nEOF", "cat <<EOF\nns: ${NS}\nEOF"],
    [
      "echo {{ cluster }} ${{ region }} YOUR_ZONE CHANGEME",
      'echo "${CLUSTER}" "${REGION}" "${YOUR_ZONE}" "${CHANGEME}"',
    ],
  ])("%j becomes %j", (script, expected) => {
    expect(rewrite(script).script).toBe(expected);
  });

  it.each([
    "sort < input.txt",
    "sort <input.txt >out.txt",
    "cat <<EOF>out.txt\nx\nEOF",
    "exec 3<file>out",
    "diff <(sort a) <(sort b)",
    "# replace <HOST> first\ntrue",
    "echo $YOUR_VAR ${YOUR_OTHER}",
  ])("leaves real shell syntax alone: %j", (script) => {
    const result = rewrite(script);
    expect(result.script).toBe(script);
    expect(result.placeholders.filter((use) => use.binding.kind === "bound")).toEqual([]);
  });

  it.each([
    ["cat <<'EOF'\n<OWNER>\nEOF", "quoted_heredoc"],
    ['cat <<"EOF"\n<OWNER>\nEOF', "quoted_heredoc"],
    ["echo $(( <COUNT> + 1 ))", "arithmetic"],
    ["[[ <COUNT> -gt 3 ]]", "arithmetic"],
    ["let x=<COUNT>", "arithmetic"],
    ["[[ <COUNT> -gt 3 ]] && [[ -v <COUNT> ]]", "arithmetic"],
    ["ls <path>", "denied_name"],
    ["env <LD_PRELOAD> ls", "denied_name"],
  ])("cannot bind %j (%s): left as written", (script, reason) => {
    const result = rewrite(script);
    expect(result.placeholders[0]?.binding).toEqual({ kind: "unbindable", reason });
    expect(result.script).toBe(script);
  });
});

describe("bound values arrive as data (real bash)", () => {
  const hostile = [
    "two words",
    `it's "quoted"`,
    "$(touch CANARY)",
    "`touch CANARY`",
    "x; touch CANARY",
    "line one\nline two\nEOF\ntouch CANARY",
    "  padded  ",
    "*",
    "",
    "-n",
    "\\ back\\slash $HOME ${HOME}",
  ];
  const shapes = [
    "printf '[%s]' <X>",
    'printf "[%s]" "<X>"',
    "printf '[%s]' '<X>'",
    "printf '[%s]' 'pre <X> post'",
    "printf '[%s]' $'pre <X> post'",
    'printf "[%s]" "$(printf %s <X>)"',
    "printf '[%s]' <X>-suffix",
    "cat <<EOF\n[<X>]\nEOF",
  ];
  const expected = (shape: string, value: string): string => {
    if (shape.includes("pre <X> post")) return `[pre ${value} post]`;
    if (shape.includes("<X>-suffix")) return `[${value}-suffix]`;
    if (shape.startsWith("cat")) return `[${value}]\n`;
    return `[${value}]`;
  };

  for (const shape of shapes) {
    it(`${JSON.stringify(shape)} passes every value through unchanged`, () => {
      const { script, placeholders } = rewrite(shape);
      expect(placeholders.map((use) => use.binding.kind)).toEqual(["bound"]);
      for (const value of hostile) {
        const dir = mkdtempSync(path.join(tmpdir(), "runbook-exec-placeholder-"));
        const result = spawnSync("bash", ["--noprofile", "--norc", "-c", script], {
          cwd: dir,
          env: { PATH: process.env["PATH"] ?? "/usr/bin:/bin", X: value },
          encoding: "utf8",
        });
        expect(result.stderr).toBe("");
        expect(result.stdout).toBe(expected(shape, value));
        expect(existsSync(path.join(dir, "CANARY"))).toBe(false);
      }
    });
  }
});

describe("withLiteralValues", () => {
  it("writes each value as one quoted literal, for the classifier to read", () => {
    const { script, placeholders } = rewrite(`git log <REF> -- "<FILE>" 'x <Y>'`);
    const literal = withLiteralValues(script, placeholders, {
      REF: "--output=/tmp/x",
      FILE: "a'b",
      Y: "$(id)",
    });
    const words = spawnSync("bash", ["-c", `printf '[%s]' ${literal.slice("git log ".length)}`], {
      encoding: "utf8",
    });
    expect(words.stdout).toBe("[--output=/tmp/x][--][a'b][x $(id)]");
  });
});
