import type { Parser } from "web-tree-sitter";
import { beforeAll, describe, expect, it } from "vitest";
import { loadBashParser } from "../../src/classify/bash-parser.js";
import { classifyScript } from "../../src/classify/index.js";

/**
 * Steps that write, delete or run something while each piece looked like a read: found by an
 * attacker's review of the shell analysis (2026-12-07). Bash was shown to run the hidden
 * command in each (with `echo PWNED` standing in for it). None may run unattended.
 */
let parser: Parser;
beforeAll(async () => {
  parser = await loadBashParser();
});

const HIDDEN: readonly (readonly [string, string])[] = [
  // A double-quoted string's line breaks, which tree-sitter leaves between its pieces.
  ["a remote script over lines", 'ssh web1 "\n  systemctl status foo\n  rm -rf /var/lib/foo\n"'],
  ["bash -c over lines", 'bash -c "echo a\nrm -rf /tmp/x"'],
  ["kubectl exec over lines", 'kubectl exec p -- sh -c "ls /data\nrm -rf /data/cache"'],
  ["a sed program over lines", 'sed -n "p\nw /etc/motd" x'],
  // $'…' escapes bash decodes.
  ["$'…' with \\u", "bash -c $'echo hi\\u003b rm -rf /tmp/x'"],
  ["$'…' with \\c", "bash -c $'echo hi\\cJrm -rf /tmp/x'"],
  // Text piped into a shell that echo or printf decodes.
  ["echo -e into sh", "echo -e 'echo ok\\nrm -rf /x' | sh"],
  ["printf octal into sh", "printf 'echo ok\\073rm -rf /x' | sh"],
  // Unquoted heredocs the shell rewrites before the inner shell reads them.
  ["a heredoc line starting with \\\\", "bash <<E\n\\\\rm -rf /tmp/x\nE"],
  ["a heredoc with \\\\\\;", "bash <<E\necho a\\\\\\;rm -rf /tmp/x\nE"],
  // Lines tree-sitter-bash folds into the command before them.
  ["$ after a redirect", "sort < in.txt $\nrm -rf /x"],
  ["$ after == ", "ls == $\nrm -rf /x"],
  ["$ after export", "export A=1 $\nrm -rf /x"],
  ["$ after unset", "unset x x$\nrm -rf /x"],
  ["an empty backtick at a line's end", "grep -r foo ` `\nrm -rf /x"],
  ["a form feed as a redirect target", "sort < \f\nrm -rf /x"],
  // Wrappers that write a file themselves.
  ["strace -o", "strace -o /etc/motd ls"],
  ["strace -e … -o", "strace -e trace=open -o /etc/motd ls"],
  ["ltrace -o", "ltrace -o /etc/motd ls"],
  ["script FILE -c", "script /etc/motd -c ls"],
  ["time -o", "/usr/bin/time -o /etc/motd ls"],
  ["time --output=", "/usr/bin/time --output=/etc/motd ls"],
  ["flock", "flock /etc/x ls"],
  // A second review the same day.
  ["[ over lines", "[ -f /etc/app.conf -a\nrm -rf /var/lib/app ]"],
  ["[ over lines in an if", "if [ -f a -a\nrm -rf /x ]; then ls; fi"],
  ["an escaped blank before #", "cat /etc/hosts \\ #; rm -rf /var/lib/app"],
  ["a form feed before #", "cat /etc/hosts \f#; rm -rf /var/lib/app"],
  ["a heredoc's lone backslash line", "bash <<'E'\n\\\nrm -rf /var/lib/app\nE"],
  ["env -S with words after it", "env -S env rm -rf /var/lib/app"],
  ["env --split-string= with words after it", "env --split-string=nice rm -rf /var/lib/app"],
  ["xargs adds its input", "echo -delete | xargs find /var/log/app"],
  ["xargs -I puts its input", "echo -delete | xargs -I{} find /var/log/app {}"],
  ["strace --output=", "strace --output=/etc/motd ls"],
  ["runuser --command", "runuser --command='rm -rf /var/lib/app' -s /bin/sh man"],
  ["systemd-run --property", "systemd-run --property=ExecStartPre=/bin/rm ls"],
  ["systemd-run -p output", "systemd-run -pStandardOutput=file:/etc/motd ls"],
  ["sudo --chroot", "sudo --chroot=/tmp/evil ls"],
  ["chroot", "chroot /tmp/evil ls"],
  ["nsenter --root", "nsenter --root=/tmp/evil ls"],
  ["firejail --env", "firejail --env=LD_PRELOAD=/tmp/x.so ls"],
  ["xvfb-run -e", "xvfb-run -e /etc/motd ls"],
  ["parallel joins its words into shell text", "parallel ls \\; rm -rf /x ::: a"],
];

describe("commands hidden from the shell analysis", () => {
  it.each(HIDDEN)("%s: needs approval", (_name, script) => {
    expect(classifyScript(parser, "bash", script).risk).not.toBe("read_only");
  });

  it("still reads the plain forms as reads", () => {
    for (const script of [
      'ssh web1 "systemctl status foo"',
      "bash -c $'echo hi\\tthere'",
      "echo 'echo ok' | sh",
      "strace -c ls",
      "time ls",
      "bash <<'E'\nls -la\nE",
      "[ -f /etc/app.conf ] && cat /etc/app.conf",
      "ls -la # the list",
      "ls;# done",
      "env -S 'ls -la'",
    ]) {
      expect(classifyScript(parser, "bash", script).risk, script).toBe("read_only");
    }
  });
});
