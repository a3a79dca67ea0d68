import { describe, expect, it } from "vitest";
import { type CodeLanguage, scanCode } from "../../src/classify/code.js";
import { destructive, type Hit } from "../../src/classify/hit.js";

/** A stand-in shell classifier: calls `rm` destructive, everything else nothing. */
const shell = (script: string): Hit[] =>
  /^rm\b/.test(script) ? [destructive("rm.delete", "`rm` deletes files")] : [];
const scan = (language: CodeLanguage, text: string): string[] =>
  scanCode(language, text, language, shell).map((h) => `${h.risk}:${h.ruleId}:${String(h.proven)}`);

describe("scanCode", () => {
  it.each([
    ["python", "import shutil; shutil.rmtree(p)", "destructive:code.python-delete:true"],
    ["python", "open('/etc/x', 'w').write('y')", "modifying:code.python-write:true"],
    [
      "javascript",
      "require('fs').rmSync('/etc', { recursive: true })",
      "destructive:code.javascript-delete:true",
    ],
    ["javascript", "fs.writeFileSync('x', 'y')", "modifying:code.javascript-write:true"],
    ["ruby", "FileUtils.rm_rf('/srv')", "destructive:code.ruby-delete:true"],
    ["perl", 'unlink glob("/etc/*");', "destructive:code.perl-delete:true"],
    ["php", "unlink('/tmp/x');", "destructive:code.php-delete:true"],
    ["powershell", "Remove-Item -Recurse C:\\x", "destructive:code.powershell-delete:true"],
    ["cmd", "del /q C:\\x\\*", "destructive:code.cmd-delete:true"],
  ] as const)("%s: %s", (language, text, expected) => {
    expect(scan(language, text)).toContain(expected);
  });

  it("classifies string literals of spawn calls as shell, lists joined", () => {
    expect(scan("python", 'import subprocess\nsubprocess.run(["rm", "-rf", "/x"])')).toContain(
      "destructive:rm.delete:true",
    );
    expect(scan("ruby", "system('rm -rf /x')")).toContain("destructive:rm.delete:true");
    expect(scan("python", "import os\nos.system('ls')")).toEqual([
      "modifying:code.python-spawn:true",
    ]);
  });

  it("leaves quiet code unknown: modifying, unproven", () => {
    expect(scan("python", "print('hello')")).toEqual(["modifying:code.python:false"]);
    expect(scan("javascript", "console.log(1 + 2)")).toEqual(["modifying:code.javascript:false"]);
  });
});
