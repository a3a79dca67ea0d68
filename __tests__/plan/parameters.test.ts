import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { renderApprovalRequest } from "../../src/present/approval.js";
import { stepHash } from "../../src/plan/step-hash.js";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { DEFAULT_CONFIG } from "../../src/config/types.js";
import { checkParameterName } from "../../src/core/parameter-names.js";
import { assessWithRules } from "../../src/app/assess.js";
import { parseRunbook } from "../../src/parse/index.js";
import { approvalRequestFor } from "../../src/gate/ask.js";
import { prepareRun } from "../../src/app/prepare-run.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const DENIED = [
  "PATH",
  "path",
  "LD_PRELOAD",
  "LD_LIBRARY_PATH",
  "CDPATH",
  "GOPATH",
  "CLASSPATH",
  "PKG_CONFIG_PATH",
  "QT_PLUGIN_PATH",
  "DYLD_INSERT_LIBRARIES",
  "BASH_ENV",
  "ENV",
  "BASH_FUNC_ls",
  "SHELLOPTS",
  "BASHOPTS",
  "IFS",
  "PS4",
  "PROMPT_COMMAND",
  "GIT_CONFIG_COUNT",
  "GIT_SSH_COMMAND",
  "git_dir",
  "PYTHONPATH",
  "PYTHONSTARTUP",
  "PERL5OPT",
  "PERL5LIB",
  "RUBYOPT",
  "NODE_OPTIONS",
  "NODE_PATH",
  "JAVA_TOOL_OPTIONS",
  "GIT_EDITOR",
  "KUBE_EDITOR",
  "EDITOR",
  "PAGER",
  "GIT_PAGER",
  "SYSTEMD_PAGER",
  "LESSOPEN",
  "HOME",
  "XDG_CONFIG_HOME",
  "http_proxy",
  "HTTPS_PROXY",
  "OPENSSL_CONF",
  "DOCKER_CONFIG",
  "AWS_CONFIG_FILE",
  "GCONV_PATH",
  "GLIBC_TUNABLES",
  "PWD",
  "RANDOM",
  "GITHUB_TOKEN",
  "INPUT_GITHUB_TOKEN",
  "RUNBOOK_EXEC_AUDIT_KEY",
  "ANTHROPIC_API_KEY",
  "SLACK_BOT_TOKEN",
];

describe("parameter names (safety invariant 12)", () => {
  it.each(DENIED)("denies %s", (name) => {
    expect(checkParameterName(name).kind).toBe("denied");
  });

  it.each(["1ABC", "A-B", "A B", "", "ls%%", "é"])("rejects %j as not a variable name", (name) => {
    expect(checkParameterName(name).kind).toBe("invalid");
  });

  it("allows KUBECONFIG with a warning, and ordinary names", () => {
    expect(checkParameterName("KUBECONFIG").kind).toBe("warning");
    for (const name of [
      "NAMESPACE",
      "POD_NAME",
      "EXTRA_ARGS",
      "CR_NAME",
      "region",
      "_X",
      "RELATIVE_PATH",
      "BACKUP_PATH",
    ])
      expect(checkParameterName(name)).toEqual({ kind: "ok" });
  });

  it("a denied front-matter parameter is an error at its line and never reaches a step", () => {
    const runbook = parseRunbook(
      {
        path: "rb.md",
        sha256: "0",
        text: "---\nparameters:\n  NAMESPACE: prod\n  PATH: ./bin\n---\n\n1. x\n\n   ```bash\n   ls\n   ```\n",
      },
      { ...DEFAULT_CONFIG },
    );
    expect(runbook.frontMatter?.parameters.map((p) => p.name)).toEqual(["NAMESPACE"]);
    expect(runbook.frontMatter?.problems).toEqual([
      expect.objectContaining({ line: 4, severity: "error" }),
    ]);
  });
});

describe("step hash and parameters", () => {
  const commands = [
    {
      script: 'kubectl delete pod "${POD}"',
      interpreter: { program: "bash", args: ["-c"], scriptVia: "argument" as const },
    },
  ];

  it("covers names and values; a step without parameters hashes as before", () => {
    const a = stepHash(commands, [{ name: "POD", value: "web-1", secret: false }]);
    const b = stepHash(commands, [{ name: "POD", value: "web-2", secret: false }]);
    const renamed = stepHash(commands, [{ name: "POD2", value: "web-1", secret: false }]);
    expect(new Set([a, b, renamed, stepHash(commands)]).size).toBe(4);
    expect(stepHash(commands, [])).toBe(stepHash(commands));
  });

  it("leaves a secret's value out (the hash is in the log), but not its presence", () => {
    const one = stepHash(commands, [{ name: "PW", value: "aaaaaa", secret: true }]);
    const two = stepHash(commands, [{ name: "PW", value: "bbbbbb", secret: true }]);
    const unbound = stepHash(commands, [{ name: "PW", value: undefined, secret: true }]);
    expect(one).toBe(two);
    expect(one).not.toBe(unbound);
  });
});

function runbookFile(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "runbook-exec-params-"));
  const file = path.join(dir, "rb.md");
  writeFileSync(file, text);
  return file;
}

describe("classification with the bound values", () => {
  it.each([
    ["awk '{print $<N>}' f", "2", '1; system("rm -rf ~")'],
    ["psql <<EOF\nselect * from t where a='<N>'\nEOF", "x", "'; drop table t; --"],
    ["sed 's/a/<N>/' f", "b", "b/e rm -rf ~"],
  ])("%j is read_only with a plain value and not with a hostile one", (script, plain, hostile) => {
    const text = `1. Step.\n\n   \`\`\`bash\n${script
      .split("\n")
      .map((line) => `   ${line}`)
      .join("\n")}\n   \`\`\`\n`;
    const runbook = parseRunbook({ path: "rb.md", sha256: "0", text }, DEFAULT_CONFIG);
    const risk = (value: string) =>
      assessWithRules(runbook, parser, DEFAULT_CONFIG, { values: { N: value } }).steps[0]?.rules
        .risk;
    expect(risk(plain)).toBe("read_only");
    expect(risk(hostile)).not.toBe("read_only");
  });

  it("a value shaped like an option stays data: find reads `-name -delete` as a name pattern", () => {
    const text = "1. Step.\n\n   ```bash\n   find /tmp -name <N>\n   ```\n";
    const runbook = parseRunbook({ path: "rb.md", sha256: "0", text }, DEFAULT_CONFIG);
    const risk = (value: string) =>
      assessWithRules(runbook, parser, DEFAULT_CONFIG, { values: { N: value } }).steps[0]?.rules
        .risk;
    expect(risk("core")).toBe("read_only");
    expect(risk("-delete")).toBe("read_only");
    // Unquoted, the same word would be an action: the quoting is what keeps it data.
    const unquoted = parseRunbook(
      {
        path: "rb.md",
        sha256: "0",
        text: "1. Step.\n\n   ```bash\n   find /tmp -delete\n   ```\n",
      },
      DEFAULT_CONFIG,
    );
    expect(assessWithRules(unquoted, parser, DEFAULT_CONFIG).steps[0]?.rules.risk).toBe(
      "destructive",
    );
  });

  const text = "1. Look at the pod.\n\n   ```bash\n   bash -c 'kubectl get pod <POD>'\n   ```\n";

  // A value an inner shell parses (`bash -c '…<POD>…'`, `bash <<EOF … <N> … EOF`) is code,
  // not data: never a proven read (`shell.reparsed-expansion`), and a hostile value is rated
  // as the code it is.
  it("judges the step as it runs with these values: a value that becomes code counts", () => {
    const runbook = parseRunbook({ path: "rb.md", sha256: "0", text }, DEFAULT_CONFIG);
    const verdict = (values: Record<string, string>) =>
      assessWithRules(runbook, parser, DEFAULT_CONFIG, { values }).steps[0]?.rules;
    expect(verdict({ POD: "web-1" })?.risk).toBe("modifying");
    expect(verdict({ POD: "web-1" })?.reasons.map((r) => r.ruleId)).toContain(
      "shell.reparsed-expansion",
    );
    expect(verdict({ POD: "x; rm -rf ~" })?.risk).toBe("destructive");
  });

  it("a value pasted into a heredoc a shell runs is code, whatever the value", () => {
    const heredoc =
      "1. Step.\n\n   ```bash\n   bash <<EOF\n   kubectl get pod <N>\n   EOF\n   ```\n";
    const runbook = parseRunbook({ path: "rb.md", sha256: "0", text: heredoc }, DEFAULT_CONFIG);
    const risk = (value: string) =>
      assessWithRules(runbook, parser, DEFAULT_CONFIG, { values: { N: value } }).steps[0]?.rules
        .risk;
    expect(risk("web-1")).toBe("modifying");
    expect(risk("x; rm -rf ~")).toBe("destructive");
  });
});

describe("the approval request shows the values the step receives", () => {
  it("names the namespace a delete will hit, secrets as ***", async () => {
    const file = runbookFile(
      [
        "---",
        "parameters:",
        "  NAMESPACE: prod",
        "  DB_PASSWORD:",
        "    default: hunter2hunter2",
        "---",
        "",
        "1. Delete the pod.",
        "",
        "   ```bash",
        "   kubectl delete pod <POD_NAME> -n <NAMESPACE>",
        "   ```",
        "",
      ].join("\n"),
    );
    const prepared = await prepareRun({
      file,
      cwd: path.dirname(file),
      env: {},
      config: { ...DEFAULT_CONFIG, noLlm: true },
      fromStep: 1,
      resume: undefined,
      vars: { POD_NAME: "web 1" },
      riskModel: undefined,
    });
    const [planned] = prepared.steps;
    if (planned === undefined) throw new Error("no step");
    expect(planned.needsApproval).toBe(true);
    const text = renderApprovalRequest(approvalRequestFor(planned, { title: "t", path: file }));
    expect(text).toContain("  Parameters (environment variables of the scripts):\n");
    expect(text).toContain("    NAMESPACE=prod\n");
    expect(text).toContain("    DB_PASSWORD=***\n");
    expect(text).toContain('    POD_NAME="web 1"\n');
    expect(text).toContain('    │ kubectl delete pod "${POD_NAME}" -n "${NAMESPACE}"\n');
    expect(text).not.toContain("hunter2");
  });
});
