import { PSQL } from "../../../src/classify/tools/databases-syntax.js";
import { describe, expect, it } from "vitest";
import { READER_SYNTAX } from "../../../src/classify/grammar/readers.js";
import type { Arity, Syntax } from "../../../src/classify/grammar/syntax.js";
import {
  AWK,
  COMPRESS,
  SED,
  SORT,
  TAR,
  TEE,
  UNIQ,
} from "../../../src/classify/tools/files-syntax.js";
import { JOURNALCTL, SYSTEMCTL } from "../../../src/classify/tools/system-syntax.js";
import { KUBECTL } from "../../../src/classify/tools/kube-syntax.js";
import { helpText, mismatches, parseHelp, tableArity } from "./help-options.js";

/**
 * Each grammar against the tool's own `--help` on this machine: every option the tool lists
 * must be in the table, taking a value exactly when the tool says it does. A missing option
 * would only cost an approval, but a value-taking option written as a flag would let its
 * value pass for an operand or the verb.
 */
const GNU: Readonly<Record<string, Syntax>> = {
  ...Object.fromEntries(
    [
      "ls",
      "cat",
      "tac",
      "head",
      "tail",
      "grep",
      "wc",
      "cut",
      "tr",
      "nl",
      "od",
      "hexdump",
      "stat",
      "du",
      "diff",
      "cmp",
      "comm",
      "column",
      "md5sum",
      "sha1sum",
      "sha256sum",
      "sha512sum",
      "b2sum",
      "cksum",
      "base64",
      "base32",
      "rev",
      "fold",
      "fmt",
      "expand",
      "unexpand",
      "paste",
      "join",
      "look",
      "zcat",
      "realpath",
      "readlink",
      "basename",
      "dirname",
      "namei",
      "mktemp",
      "seq",
      "printenv",
      "tty",
      "nproc",
      "uname",
      "uptime",
      "whoami",
      "id",
      "groups",
      "who",
      "w",
      "last",
      "free",
      "vmstat",
      "lscpu",
      "lsblk",
      "blkid",
      "pgrep",
      "pstree",
      "getent",
      "findmnt",
      "df",
      "locale",
      "arch",
      "more",
      "man",
      "apropos",
      "whatis",
    ].map((name) => [name, READER_SYNTAX[name]]),
  ),
  sed: SED,
  sort: SORT,
  uniq: UNIQ,
  tee: TEE,
  tar: TAR,
  gzip: COMPRESS.gzip,
  journalctl: JOURNALCTL,
  systemctl: SYSTEMCTL,
  psql: PSQL,
};

/** Options whose help line the help parser cannot read the same way (documented per tool). */
const HELP_QUIRKS: Readonly<Record<string, readonly string[]>> = {
  // `-c, --check, --check=diagnose-first` and `-C, --check=quiet`: two letters for one option.
  sort: ["c", "C", "check"],
  // `-p, --indicator-style=slash`: a flag that sets another option's value.
  ls: ["p"],
  // `-NUM` is the `numeric` form (`grep -3`), not a letter.
  grep: ["N"],
  // `-M` is range syntax in the description (`-M    from first to M'th`).
  cut: ["M"],
  // `-c  --format=FORMAT` has no comma, so the parser reads `-c` alone.
  stat: ["c"],
  // `--time` and `--time=WORD` are one option with an optional value.
  du: ["time"],
  // `-c, -C NUM, --context[=NUM]`: `-c` is a flag, `-C NUM` takes one; GTYPE/LTYPE are templates.
  diff: ["c", "C", "context", "u", "U", "unified", "GTYPE-group-format", "LTYPE-line-format"],
  // `-1 ("one"), --single-transaction` reads as a value; `--help=commands` lines list values.
  psql: ["1", "single-transaction", "help"],
};

describe("grammars against the installed tools' --help", () => {
  for (const [tool, syntax] of Object.entries(GNU)) {
    const text = syntax === undefined ? undefined : helpText(tool);
    it.skipIf(text === undefined || text.length === 0)(`${tool}`, () => {
      const help = parseHelp(text ?? "");
      expect(help.length, "the help parser read no options").toBeGreaterThan(0);
      expect(mismatches(syntax as Syntax, help, HELP_QUIRKS[tool])).toEqual([]);
    });
  }

  it.skipIf(helpText("kubectl", ["options"]) === undefined)("kubectl (cobra)", () => {
    const text = helpText("kubectl", ["options"]) ?? "";
    const problems: string[] = [];
    for (const m of text.matchAll(/^\s+(?:-(\w), )?--([\w-]+)=(.*):\s*$/gm)) {
      const name = m[2] ?? "";
      const arity = tableArity(KUBECTL, name);
      const expected: Arity = /^(true|false)$/.test(m[3] ?? "") ? "optional" : "required";
      if (arity !== expected)
        problems.push(`--${name}: table ${arity ?? "missing"}, help ${expected}`);
    }
    expect(problems).toEqual([]);
  });

  it("awk's program-running options are not safe for a read", () => {
    for (const name of ["f", "i", "l", "E", "o", "p"])
      expect(AWK.short.get(name)?.safe, name).toBe(false);
  });
});
