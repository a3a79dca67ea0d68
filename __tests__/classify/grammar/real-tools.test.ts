import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Parser } from "web-tree-sitter";
import { classifyScript, loadBashParser } from "../../../src/classify/index.js";

/**
 * The attacks, run for real with harmless payloads (`touch pwned`) in a temporary directory,
 * where the tool is installed: each case first proves the tool really writes or runs
 * something, then that the rules do not call the command `read_only`.
 */
let parser: Parser;
let dir: string;
beforeAll(async () => {
  parser = await loadBashParser();
});
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "rbx-real-"));
  writeFileSync(path.join(dir, "in.txt"), "b\na\nb\n");
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const installed = (tool: string): boolean =>
  spawnSync(tool, ["--version"], { stdio: "ignore" }).error === undefined;

/** Run `script` with `shell` in the temporary directory; returns its exit status. */
function run(script: string, shell = "bash"): number | null {
  return spawnSync(shell, ["-c", script], {
    cwd: dir,
    stdio: "ignore",
    timeout: 20_000,
    env: {
      PATH: process.env["PATH"] ?? "/usr/bin:/bin",
      HOME: dir,
      GIT_CONFIG_NOSYSTEM: "1",
      GIT_AUTHOR_NAME: "t",
      GIT_AUTHOR_EMAIL: "t@example.com",
      GIT_COMMITTER_NAME: "t",
      GIT_COMMITTER_EMAIL: "t@example.com",
    },
  }).status;
}

const exists = (name: string): boolean => existsSync(path.join(dir, name));
const level = (script: string, language = "bash"): string =>
  classifyScript(parser, language, script).risk;

describe("real tools confirm the attack classes", () => {
  it.skipIf(!installed("sed"))("GNU sed: the `e` command runs a program", () => {
    const script = "sed -n '1e touch pwned' in.txt";
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });

  it.skipIf(!installed("sed"))("GNU sed: `--i` is `--in-place` and `W` writes a file", () => {
    const script = "sed --i 's/a/z/' in.txt; sed -n 'W copy' in.txt";
    run(script);
    expect(readFileSync(path.join(dir, "in.txt"), "utf8")).toContain("z");
    expect(exists("copy")).toBe(true);
    expect(level("sed --i 's/a/z/' in.txt")).not.toBe("read_only");
    expect(level("sed -n 'W copy' in.txt")).not.toBe("read_only");
  });

  it.skipIf(!installed("sort"))("GNU sort: `-uo FILE` and `--outp=FILE` write a file", () => {
    run("sort -uo out1 in.txt; sort --outp=out2 in.txt");
    expect(exists("out1")).toBe(true);
    expect(exists("out2")).toBe(true);
    expect(level("sort -uo out1 in.txt")).not.toBe("read_only");
    expect(level("sort --outp=out2 in.txt")).not.toBe("read_only");
  });

  it.skipIf(!installed("tar"))("GNU tar: listing runs `--checkpoint-action=exec`", () => {
    expect(run("tar -cf a.tar in.txt")).toBe(0);
    const script = "tar --checkpoint=1 --checkpoint-action=exec='touch pwned' -tf a.tar";
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
    expect(level("tar -tf a.tar")).toBe("read_only");
  });

  it.skipIf(!installed("git"))("git: `-c core.fsmonitor=` runs a program on `status`", () => {
    expect(run("git init -q repo && git -C repo commit -q --allow-empty -m init")).toBe(0);
    const script = "git -C repo -c core.fsmonitor='touch ../pwned; false' status";
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
    expect(level("git -C repo status")).toBe("read_only");
  });

  it.skipIf(!installed("git"))("git: `log --output=FILE` writes a file", () => {
    expect(run("git init -q repo && git -C repo commit -q --allow-empty -m init")).toBe(0);
    const script = "git -C repo log --output=../log.txt";
    run(script);
    expect(exists("log.txt")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });

  it.skipIf(!installed("dash"))(
    "dash: `((rm -r -f , victim))` deletes; to bash it is arithmetic",
    () => {
      const script = "((rm -r -f , victim))";
      run("mkdir victim");
      run(script, "bash");
      expect(exists("victim")).toBe(true);
      run(script, "dash");
      expect(exists("victim")).toBe(false);
      expect(level(script, "bash")).toBe("read_only");
      expect(level(script, "sh")).toBe("destructive");
    },
  );

  it("bash: a line continuation joins `tou\\⏎ch` into `touch`", () => {
    const script = "tou\\\nch pwned";
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });

  it("bash: `[[ -v 'a[$(…)]' ]]` runs the substitution inside single quotes", () => {
    const script = "[[ -v 'a[$(touch pwned)]' ]]";
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });

  it.skipIf(!installed("awk"))("awk: `system()` runs a program", () => {
    const script = `awk 'BEGIN { system("touch pwned") }'`;
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });

  it.skipIf(!installed("uniq"))("uniq: a second operand is written", () => {
    run("uniq in.txt out.txt");
    expect(exists("out.txt")).toBe(true);
    expect(level("uniq in.txt out.txt")).not.toBe("read_only");
  });

  it.skipIf(!installed("curl"))(
    "curl: `--output-d` abbreviates `--output-dir`, and `-O` saves a file",
    () => {
      const script = "curl -s --output-d . -O file:///etc/hostname";
      run(script);
      expect(exists("hostname")).toBe(true);
      expect(level(script)).not.toBe("read_only");
    },
  );

  it.skipIf(!installed("wget"))(
    "wget: `-o` and its abbreviation `--output-f` write a log even when nothing answers",
    () => {
      const script =
        "wget -qO- -o log1 http://127.0.0.1:9/; wget -qO- --output-f=log2 http://127.0.0.1:9/";
      run(script);
      expect(exists("log1") && exists("log2")).toBe(true);
      expect(level("wget -qO- -o log1 http://127.0.0.1:9/")).not.toBe("read_only");
      expect(level("wget -qO- --output-f=log2 http://127.0.0.1:9/")).not.toBe("read_only");
    },
  );

  it.skipIf(!installed("gpg"))(
    "gpg: without a command it guesses, and decrypts a file into the working directory",
    () => {
      const script = "gpg --batch --passphrase p --pinentry-mode loopback in.txt.gpg";
      try {
        run("gpg --batch --passphrase p --pinentry-mode loopback -c in.txt && rm in.txt");
        expect(exists("in.txt.gpg") && !exists("in.txt")).toBe(true);
        run(script);
      } finally {
        // gpg started an agent for the temporary home; it ends with the test.
        run("gpgconf --kill all");
      }
      expect(exists("in.txt")).toBe(true);
      expect(level(script)).not.toBe("read_only");
    },
  );

  it("env: a program-pointing assignment before a read runs code (BASH_ENV)", () => {
    writeFileSync(path.join(dir, "env.sh"), "touch pwned\n");
    const script = `BASH_ENV=./env.sh bash -c 'echo hi'`;
    run(script);
    expect(exists("pwned")).toBe(true);
    expect(level(script)).not.toBe("read_only");
  });
});
