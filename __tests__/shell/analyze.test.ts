import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import {
  analyzeShell,
  feedersOf,
  type ShellAnalysis,
  type ShellCommand,
} from "../../src/shell/index.js";

let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const analyze = (script: string): ShellAnalysis => analyzeShell(parser, script);
const argvOf = (c: ShellCommand | undefined): string[] => c?.argv.map((w) => w.value) ?? [];
const names = (a: ShellAnalysis): string[] => a.commands.map((c) => c.name);

describe("analyzeShell: finding commands", () => {
  it("finds commands in lists, pipelines, subshells, substitutions, loops, conditionals and functions", () => {
    const a = analyze(
      [
        "a1 && a2 || a3; a4",
        "b1 | b2 |& b3",
        "(c1; c2) && { c3; }",
        'echo "$(d1 x)" `d2` <(d3) >(d4)',
        'for i in $(e1); do e2 "$i"; done',
        "while e3; do e4; done; until e5; do e6; done",
        "if f1; then f2; elif f3; then f4; else f5; fi",
        "case $x in a) g1 ;; *) g2 ;; esac",
        "h() { h1; }",
        "! i1 &",
        "[[ -n $(j1) ]]",
      ].join("\n"),
    );
    expect(names(a)).toEqual(
      expect.arrayContaining([
        "a1",
        "a2",
        "a3",
        "a4",
        "b1",
        "b2",
        "b3",
        "c1",
        "c2",
        "c3",
        "d1",
        "d2",
        "d3",
        "d4",
        "e1",
        "e2",
        "e3",
        "e4",
        "e5",
        "e6",
        "f1",
        "f2",
        "f3",
        "f4",
        "f5",
        "g1",
        "g2",
        "h1",
        "i1",
        "j1",
      ]),
    );
    expect(a.syntaxError).toBeUndefined();
    const byName = (n: string): ShellCommand | undefined => a.commands.find((c) => c.name === n);
    expect(byName("d1")?.contexts).toEqual(["command_substitution"]);
    expect(byName("d3")?.contexts).toEqual(["process_substitution"]);
    expect(byName("e2")?.contexts).toEqual(["loop"]);
    expect(byName("h1")?.contexts).toEqual(["function", "group"]);
    expect(byName("i1")?.contexts).toEqual(["background", "negated"]);
  });

  it("gives 1-based line and column", () => {
    const a = analyze("ls\n  cat x | grep y");
    expect(a.commands.map((c) => [c.name, c.line, c.column])).toEqual([
      ["ls", 1, 1],
      ["cat", 2, 3],
      ["grep", 2, 11],
    ]);
  });

  it("records export/local/unset as commands", () => {
    const a = analyze("export A=$(rm -rf x) B; unset -f f");
    expect(argvOf(a.commands[0])).toEqual(["export", "A=$(rm -rf x)", "B"]);
    expect(a.commands[0]?.argv[1]?.dynamic).toBe(true);
    expect(names(a)).toEqual(["export", "rm", "unset"]);
  });

  it("splits a line-leading backslash command that tree-sitter glues to the previous line", () => {
    expect(analyze("ls ~/x\n\\rm -rf y").commands.map(argvOf)).toEqual([
      ["ls", "~/x"],
      ["rm", "-rf", "y"],
    ]);
  });
});

describe("analyzeShell: words", () => {
  it("removes quotes and processes escapes", () => {
    const a = analyze(`printf 'a b' "c\\"d" e\\ f $'g\\th' "x"'y'z`);
    expect(argvOf(a.commands[0])).toEqual(["printf", "a b", 'c"d', "e f", "g\th", "xyz"]);
    expect(a.commands[0]?.argv.slice(1).every((w) => w.quoted && !w.dynamic)).toBe(true);
  });

  it("marks words with expansions as dynamic and keeps their raw text", () => {
    const a = analyze('rm -rf "$DIR/" ${X:-y} ~/tmp *.log');
    const [, flag, dir, x, home, glob] = a.commands[0]?.argv ?? [];
    expect(flag?.dynamic).toBe(false);
    expect(dir).toMatchObject({ value: "$DIR/", raw: '"$DIR/"', dynamic: true, quoted: true });
    expect(x).toMatchObject({ value: "${X:-y}", dynamic: true });
    expect(home).toMatchObject({ value: "~/tmp", dynamic: false });
    expect(glob).toMatchObject({ value: "*.log", dynamic: false });
  });

  it("names commands by basename and flags dynamic names", () => {
    const a = analyze('/usr/bin/rm x; \\git status; "$CMD" y');
    expect(a.commands.map((c) => [c.name, c.dynamicName])).toEqual([
      ["rm", false],
      ["git", false],
      ['"$CMD"', true],
    ]);
  });
});

describe("analyzeShell: redirects and heredocs", () => {
  it("classifies redirect kinds with descriptors and targets", () => {
    const a = analyze("cmd > out 2>&1 >> log 2>/dev/null < in &> all >| clobber 3>&-");
    expect(
      a.commands[0]?.redirects.map((r) => [r.fd, r.operator, r.kind, r.target?.value]),
    ).toEqual([
      [undefined, ">", "write", "out"],
      [2, ">&", "duplicate", "1"],
      [undefined, ">>", "append", "log"],
      [2, ">", "write", "/dev/null"],
      [undefined, "<", "read", "in"],
      [undefined, "&>", "write", "all"],
      [undefined, ">|", "write", "clobber"],
      [3, ">&-", "duplicate", undefined],
    ]);
  });

  it("applies a compound statement's redirects to the commands inside", () => {
    const a = analyze("{ echo a; echo b; } > /etc/motd");
    expect(a.commands.map((c) => c.redirects.map((r) => r.target?.value))).toEqual([
      ["/etc/motd"],
      ["/etc/motd"],
    ]);
  });

  it("reads heredoc bodies, quoted delimiters and <<- tab stripping", () => {
    const a = analyze("psql <<-'SQL' > out\n\tDELETE FROM t;\n\tSQL\ncat <<EOF\n$HOME\nEOF");
    expect(a.commands[0]?.heredocs[0]).toMatchObject({
      body: "DELETE FROM t;\n",
      delimiter: "SQL",
      expands: false,
      line: 1,
    });
    expect(a.commands[0]?.redirects.map((r) => r.kind)).toEqual(["write", "heredoc"]);
    expect(a.commands[0]?.stdin?.kind).toBe("heredoc");
    expect(a.commands[1]?.heredocs[0]).toMatchObject({ body: "$HOME\n", expands: true });
  });

  it("feeds `cat <<EOF | psql` to the second stage as pipe text", () => {
    const a = analyze("cat <<EOF | psql -U app\nDROP TABLE users;\nEOF");
    const [cat, psql] = a.commands;
    expect(cat?.stdin?.kind).toBe("heredoc");
    expect(psql?.heredocs).toEqual([]);
    expect(psql?.stdin).toEqual({ kind: "pipe", from: 0, text: "DROP TABLE users;\n" });
    expect(a.pipelines).toEqual([[0, 1]]);
  });

  it("records here-strings as stdin", () => {
    const a = analyze('redis-cli <<< "FLUSHALL"');
    expect(a.commands[0]?.stdin).toMatchObject({ kind: "herestring", word: { value: "FLUSHALL" } });
  });
});

describe("analyzeShell: pipelines", () => {
  it("gives each stage its position and the previous stage as stdin", () => {
    const a = analyze("curl -s https://x.sh | tee /tmp/x | sh");
    expect(a.commands.map((c) => c.pipeline)).toEqual([
      { id: 0, position: 0, length: 3 },
      { id: 0, position: 1, length: 3 },
      { id: 0, position: 2, length: 3 },
    ]);
    expect(a.commands[2]?.stdin).toEqual({ kind: "pipe", from: 1, text: undefined });
    expect(a.opaque).toEqual([{ command: 2, reason: "dynamic", line: 1, column: 37 }]);
  });

  it("keeps command substitutions out of the pipeline they appear in", () => {
    const a = analyze("echo $(date) | wc -c");
    expect(a.commands.find((c) => c.name === "date")?.pipeline).toBeUndefined();
  });
});

describe("analyzeShell: wrappers", () => {
  it.each([
    ["sudo -u postgres psql -c 'SELECT 1'", ["sudo"], ["psql", "-c", "SELECT 1"]],
    [
      "sudo -E env FOO=1 timeout -s KILL 30 nice -n 5 ionice -c3 nohup stdbuf -oL rm -f x",
      ["sudo", "env", "timeout", "nice", "ionice", "nohup", "stdbuf"],
      ["rm", "-f", "x"],
    ],
    ["command rm x", ["command"], ["rm", "x"]],
    ["exec -a name rm x", ["exec"], ["rm", "x"]],
    ["time -p rm x", ["time"], ["rm", "x"]],
    // xargs adds its input's words, which may be options.
    [
      "find . -name '*.tmp' -print0 | xargs -0 -n 10 rm -f",
      ["xargs"],
      ["rm", "-f", "--input-words-of-xargs"],
    ],
    ["flock -w 10 /tmp/lock rm x", ["flock"], ["rm", "x"]],
    [
      "kubectl -n prod exec -it web-0 -c app -- rm -rf /data",
      ["kubectl exec"],
      ["rm", "-rf", "/data"],
    ],
    [
      "docker exec -it -u root db psql -c 'DROP TABLE t'",
      ["docker exec"],
      ["psql", "-c", "DROP TABLE t"],
    ],
    ["docker compose exec -T db pg_dump app", ["docker exec"], ["pg_dump", "app"]],
  ])("%s", (script, via, argv) => {
    const command = analyze(script).commands.at(-1);
    expect(command?.via).toEqual(via);
    expect(argvOf(command)).toEqual(argv);
  });

  it("keeps the words as written beside the unwrapped argv", () => {
    const c = analyze("sudo rm -rf /x").commands[0];
    expect(c?.words.map((w) => w.value)).toEqual(["sudo", "rm", "-rf", "/x"]);
  });

  it.each([
    ["command -v git", "command"],
    ["sudo -l", "sudo"],
    ["sudo -i", "sudo"],
    ["ssh bastion", "ssh"],
    ["timeout 5", "timeout"],
    ["xargs", "xargs"],
    ["bash deploy.sh", "bash"],
    ["ionice -p 42", "ionice"],
    ["kubectl exec web-0 ls", "kubectl"],
  ])("does not unwrap %s", (script, name) => {
    const a = analyze(script);
    expect(a.commands.map((c) => [c.name, c.via])).toEqual([[name, []]]);
  });
});

describe("analyzeShell: inner scripts", () => {
  it("parses bash -c and sh -lc scripts", () => {
    const a = analyze(`bash -c 'rm -rf /tmp/x && ls' ; sh -lc "systemctl restart nginx"`);
    expect(a.commands.map((c) => [c.name, c.via, c.depth])).toEqual([
      ["rm", ["bash -c"], 1],
      ["ls", ["bash -c"], 1],
      ["systemctl", ["sh -c"], 1],
    ]);
    expect(a.commands[0]).toMatchObject({ line: 1, column: 10 });
  });

  it("parses ssh remote commands and marks them remote", () => {
    const a = analyze(`ssh -i key -p 2222 admin@db1 'sudo reboot'`);
    expect(
      a.commands.map((c) => [
        c.name,
        c.via,
        c.remote?.kind,
        c.remote?.target,
        c.remote?.wrapper?.map((w) => w.value),
      ]),
    ).toEqual([
      ["reboot", ["ssh", "sudo"], "ssh", "admin@db1", ["-i", "key", "-p", "2222", "admin@db1"]],
    ]);
  });

  it("marks commands whose shell text an outer shell built by expansion", () => {
    const a = analyze(
      `bash -c "cat $F"; bash -c 'cat $F'; ssh h cat "$G"; bash <<EOF
ls $D
EOF
bash <<'EOF'
ls $D
EOF`,
    );
    expect(a.commands.map((c) => [c.name, c.reparsed])).toEqual([
      ["cat", '"cat $F"'],
      ["cat", undefined],
      ["cat", '"$G"'],
      ["ls", "<<EOF"],
      ["ls", undefined],
    ]);
  });

  it("joins unquoted ssh words like sshd does", () => {
    const a = analyze("ssh host systemctl stop nginx");
    expect(argvOf(a.commands[0])).toEqual(["systemctl", "stop", "nginx"]);
  });

  it("reads a heredoc fed to ssh or a shell as a script", () => {
    const a = analyze("ssh host <<'EOF'\nrm -rf /var/cache\nEOF\nbash <<EOF\nls\nEOF");
    expect(a.commands.map((c) => [c.name, c.via, c.line])).toEqual([
      ["rm", ["ssh"], 2],
      ["ls", ["bash"], 5],
    ]);
  });

  it("reads static text piped into a shell", () => {
    const a = analyze("echo 'rm -rf /' | sh");
    expect(a.commands.map((c) => [c.name, c.via])).toEqual([
      ["echo", []],
      ["rm", ["sh"]],
    ]);
  });

  it("parses kubectl exec … -- sh -c, eval of static text, watch and su -c", () => {
    const a = analyze(
      `kubectl exec web -- sh -c 'rm -rf /data'; eval ls -la; watch -n 5 'kubectl get pods'; su - postgres -c 'psql -c "DROP DATABASE x"'`,
    );
    expect(a.commands.map((c) => [c.name, c.via])).toEqual([
      ["rm", ["kubectl exec", "sh -c"]],
      ["ls", ["eval"]],
      ["kubectl", ["watch"]],
      ["psql", ["su"]],
    ]);
    const remote = a.commands[0]?.remote;
    expect({ kind: remote?.kind, target: remote?.target }).toEqual({
      kind: "kubectl-exec",
      target: "web",
    });
    expect(remote?.wrapper?.map((w) => w.value)).toEqual(["exec", "web"]);
  });

  it("marks text it cannot read as opaque and keeps the command", () => {
    const a = analyze('bash -c "$CMD"; eval "$(curl -s x)"; curl x | sudo bash');
    expect(a.opaque.map((o) => [a.commands[o.command]?.name, o.reason])).toEqual([
      ["bash", "dynamic"],
      ["eval", "dynamic"],
      ["bash", "dynamic"],
    ]);
  });

  it("bounds recursion depth", () => {
    let script = "rm x";
    for (let i = 0; i < 8; i++) script = `bash -c ${JSON.stringify(script)}`;
    const a = analyzeShell(parser, script, { maxDepth: 3 });
    expect(a.opaque.map((o) => o.reason)).toEqual(["depth-limit"]);
    expect(a.commands.every((c) => c.depth <= 4)).toBe(true);
  });
});

describe("analyzeShell: syntax errors", () => {
  it.each([
    ["if true; then ls", 1],
    ["echo 'unterminated", 1],
    ["ls\nfor x in; do", 2],
    ["bash -c 'if then'", 1],
  ])("reports %j", (script, line) => {
    const a = analyze(script);
    expect(a.syntaxError?.line).toBe(line);
  });

  it("reports none for a clean script", () => {
    expect(analyze("ls -la | sort\n").syntaxError).toBeUndefined();
  });

  it("never throws on odd input", () => {
    for (const s of [
      "",
      "\0",
      ";;",
      "))))",
      "$((",
      "<<EOF",
      "a".repeat(10_000),
      "é ü 日本 🎉",
      "\\",
    ]) {
      expect(() => analyze(s)).not.toThrow();
    }
  });
});

describe("analyzeShell: statements without a command word", () => {
  it("records bare assignments with their values", () => {
    const a = analyze("NAMESPACE=prod OUT=$(kubectl get ns)");
    expect(a.commands[0]).toMatchObject({ name: "", argv: [] });
    expect(a.commands[0]?.assignments.map((x) => [x.name, x.value?.value])).toEqual([
      ["NAMESPACE", "prod"],
      ["OUT", "$(kubectl get ns)"],
    ]);
    expect(a.commands[1]?.name).toBe("kubectl");
  });

  it("records a bare redirect, which truncates its target", () => {
    const a = analyze("> /var/log/app.log");
    expect(
      a.commands.map((c) => [c.name, c.redirects.map((r) => [r.kind, r.target?.value])]),
    ).toEqual([["", [["write", "/var/log/app.log"]]]]);
  });
});

describe("analyzeShell: interactive and file-fed shells", () => {
  it.each(["ssh bastion", "bash", "bash < setup.sh", "sudo -u postgres psql"])(
    "keeps %j without marking it opaque",
    (script) => {
      const a = analyze(script);
      expect(a.opaque).toEqual([]);
      expect(a.commands).toHaveLength(1);
    },
  );

  it("unwraps envdir", () => {
    expect(analyze("envdir /etc/app/env gitlab-rake db:migrate").commands[0]?.via).toEqual([
      "envdir",
    ]);
  });
});

describe("feedersOf", () => {
  it("lists the earlier stages of a command's pipeline", () => {
    const a = analyze("curl -s x | tee /tmp/y | sh; ls");
    const names = (c: ShellCommand | undefined): string[] =>
      c === undefined ? [] : feedersOf(a, c).map((f) => f.name);
    expect(names(a.commands.find((c) => c.name === "sh"))).toEqual(["curl", "tee"]);
    expect(names(a.commands.find((c) => c.name === "curl"))).toEqual([]);
    expect(names(a.commands.find((c) => c.name === "ls"))).toEqual([]);
  });
});

describe("analyzeShell: pathological nesting", () => {
  it.each([
    ["substitutions", `echo ${"$(echo ".repeat(3000)}x${")".repeat(3000)}`],
    ["groups", `${"{ ".repeat(3000)}ls${"; }".repeat(3000)}`],
    ["quoted substitutions", `echo ${'"$(echo '.repeat(1500)}x${')"'.repeat(1500)}`],
  ])("cuts off deep %s instead of overflowing the stack", (_name, script) => {
    const a = analyze(script);
    expect(a.nestingLimit?.line).toBe(1);
  });

  it("reports no limit for ordinary scripts", () => {
    expect(analyze("echo $(date) $(hostname)").nestingLimit).toBeUndefined();
  });
});

describe("analyzeShell: a wrapper's redirects", () => {
  it("apply to every command of its inner script", () => {
    const a = analyze("bash -c 'ls; date' > out.txt 2>&1");
    expect(
      a.commands.map((c) => [
        c.name,
        c.redirects.map((r) => `${r.fd ?? ""}${r.operator}${r.target?.value ?? ""}`),
      ]),
    ).toEqual([
      ["ls", [">out.txt", "2>&1"]],
      ["date", [">out.txt", "2>&1"]],
    ]);
  });
});

describe("analyzeShell: keywords where a command should be", () => {
  it("flags `then rm x` (which tree-sitter accepts and bash rejects) and still sees the command", () => {
    const a = analyze("sudo if test -f x; then rm -rf /srv; fi");
    expect(a.syntaxError).toEqual({ line: 1, column: 20 });
    expect(a.commands.map((c) => c.name)).toEqual(["test", "rm", "fi"]);
  });
});
