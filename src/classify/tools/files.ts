import { hasAny, hasLong, hasShort, optionValue, positionals } from "../args.js";
import { closedWorldHits } from "../grammar/closed-world.js";
import { allValues, hasOption, lastValue, parseArgs } from "../grammar/parse.js";
import { awkSideEffect } from "./awk-program.js";
import { syntax } from "../grammar/syntax.js";
import { AWK, COMPRESS, FIND, RSYNC, SED, SORT, SS, TAR, TEE, UNIQ, XXD } from "./files-syntax.js";
import { readSedScript } from "./sed-script.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  provenBy,
  readOnly,
  type ToolFamily,
} from "../hit.js";
import { isRootLike, isSink, isSystemPath, isTempPath } from "../paths.js";
import { isDataPath } from "../paths.js";

/** `rm`: always deletes; recursive deletes of `/`, `~`, system paths get their own id. */
const rm: ToolFamily = {
  names: ["rm"],
  rule: ({ args }) => {
    const recursive = hasShort(args, "rR") || hasLong(args, ["recursive"]);
    const targets = positionals(args);
    const wide = targets.find((t) => isRootLike(t) || isSystemPath(t));
    if (recursive && wide !== undefined)
      return destructive(
        "rm.recursive-root",
        `${code("rm -r", wide)} deletes a top-level or system directory tree`,
      );
    if (targets.length > 0 && targets.every(isTempPath))
      return modifying("rm.temp", `${code("rm")} deletes temporary files`);
    if (recursive) return destructive("rm.recursive", `${code("rm -r")} deletes directory trees`);
    return destructive("rm.delete", `${code("rm")} deletes files`);
  },
};

const eraser: ToolFamily = {
  names: ["shred", "unlink", "srm", "wipe"],
  rule: ({ name }) => destructive("files.erase", `${code(name)} destroys files`),
};

const truncate: ToolFamily = {
  names: ["truncate", "fallocate"],
  rule: ({ name }) =>
    destructive("files.truncate", `${code(name)} cuts or overwrites file contents`),
};

const writers: ToolFamily = {
  names: [
    "mv",
    "cp",
    "ln",
    "touch",
    "mkdir",
    "rmdir",
    "install",
    "chmod",
    "chown",
    "chgrp",
    "chattr",
    "setfacl",
    "mkfifo",
    "mknod",
    "split",
    "csplit",
    "patch",
    "zip",
    "unzip",
    "gunzip",
    "bunzip2",
    "unxz",
    "7z",
    "ssh-keygen",
    "htpasswd",
    "update-alternatives",
    "ldconfig",
    "newaliases",
    "postmap",
    "visudo",
    "vipw",
    "logrotate",
  ],
  // ssh-keygen's printing modes (OpenSSH 9, getopt): -l, -L, -y, -B, -F; -R, -H and the
  // signing and generating modes write.
  syntax: { "ssh-keygen": syntax("l v E= f= F= L y B q", { abbreviate: false, maxOperands: 0 }) },
  rule: ({ name, args }) => {
    if (
      (name === "chmod" || name === "chown" || name === "chgrp") &&
      (hasShort(args, "R") || hasLong(args, ["recursive"]))
    ) {
      const operands = positionals(args, { long: ["reference", "from"] });
      const locksOut =
        name === "chmod" &&
        /^(0*|[ugoa]*[-=]r?w?x?)$/.test(operands[0] ?? "x") &&
        operands.length > 1;
      if (locksOut)
        return destructive(
          "files.recursive-permissions",
          `${code(name, "-R", operands[0])} removes every permission from a whole tree`,
        );
      const wide = operands.slice(1).find((t) => isRootLike(t) || isSystemPath(t) || isDataPath(t));
      if (wide !== undefined)
        return destructive(
          "files.recursive-permissions",
          `${code(name, "-R", wide)} rewrites ownership or permissions of a whole system tree`,
        );
    }
    if (name === "mv" || name === "cp" || name === "install" || name === "ln") {
      const targets = positionals(args, { short: "tS", long: ["target-directory", "suffix"] });
      const dest = optionValue(args, "t", ["target-directory"]) ?? targets[targets.length - 1];
      if (dest !== undefined && isSystemPath(dest) && targets.length > 1)
        return destructive(
          "files.overwrite-system",
          `${code(name)} into ${code(dest)} overwrites system files`,
        );
    }
    if (name === "ssh-keygen" && (hasShort(args, "lFyL") || hasAny(args, ["-l", "-lf"])))
      return readOnly("read.inspect", `${code("ssh-keygen -l")} prints key fingerprints`);
    if (name === "unzip" && hasShort(args, "lZ"))
      return readOnly("read.inspect", `${code("unzip -l")} lists an archive`);
    return modifying("files.write", `${code(name)} creates or changes files`);
  },
};

/** `gzip`/`xz` compress in place unless writing to stdout, listing or testing. */
const compress: ToolFamily = {
  names: Object.keys(COMPRESS),
  rule: ({ name, args }) => {
    const parsed = parseArgs(args, COMPRESS[name as keyof typeof COMPRESS] ?? COMPRESS.gzip);
    return ["stdout", "list", "test"].some((o) => hasOption(parsed, o)) ||
      parsed.operands.length === 0
      ? readOnly("read.inspect", `${code(name, "-c")} writes to stdout`)
      : modifying("files.write", `${code(name)} replaces files with their (de)compressed form`);
  },
  syntax: COMPRESS,
};

/** Values taken by the letters of an old-style tar cluster (`tar czf out.tgz`), in order. */
const TAR_VALUED = new Set([..."bCfFgHIKLNTVX"]);

/** `tar tzf x` → `-t -z -f x`: the first word is a cluster of letters even without a dash. */
function tarArgs(args: readonly string[]): string[] {
  const first = args[0];
  if (first === undefined || first.startsWith("-")) return [...args];
  const out: string[] = [];
  let next = 1;
  for (const letter of first) {
    out.push(`-${letter}`);
    if (TAR_VALUED.has(letter) && next < args.length) out.push(args[next++] ?? "");
  }
  return [...out, ...args.slice(next)];
}

const tar: ToolFamily = {
  names: ["tar"],
  readsProvenBy: provenBy(["tar"], "own-grammar"),
  rule: ({ args }) => {
    const spelled = tarArgs(args);
    const parsed = parseArgs(spelled, TAR);
    if (
      ["remove-files", "recursive-unlink", "unlink-first"].some((o) => hasOption(parsed, o)) ||
      (hasOption(parsed, "extract") && hasOption(parsed, "overwrite"))
    )
      return destructive("tar.overwrite", `${code("tar")} removes or overwrites files`);
    const runs = [
      "to-command",
      "checkpoint-action",
      "use-compress-program",
      "rsh-command",
      "rmt-command",
      "info-script",
    ].find((o) => hasOption(parsed, o));
    if (runs !== undefined)
      return modifying("tar.runs-program", `${code("tar", `--${runs}`)} runs another program`);
    if (
      hasOption(parsed, "list") &&
      !["create", "extract", "append", "update", "catenate", "delete"].some((o) =>
        hasOption(parsed, o),
      )
    ) {
      const problems = closedWorldHits("tar", spelled, TAR);
      return problems.length > 0
        ? problems
        : readOnly("read.inspect", `${code("tar -t")} lists an archive`);
    }
    return modifying("files.write", `${code("tar")} writes an archive or extracts files`);
  },
};

/** `tee file` truncates like `>`; `tee -a` appends; `tee` alone or to /dev/null only copies. */
const tee: ToolFamily = {
  names: ["tee"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, TEE);
    const files = parsed.operands.filter((f) => !isSink(f));
    const append = hasOption(parsed, "append");
    if (files.length === 0)
      return readOnly("read.inspect", `${code("tee")} copies stdin to stdout`);
    const system = files.find(isSystemPath);
    if (system !== undefined)
      return destructive("redirect.system", `${code("tee", system)} writes a system file`);
    if (!append && !files.every(isTempPath))
      return destructive(
        "redirect.truncate",
        `${code("tee", files[0])} truncates ${code(files[0])}`,
      );
    return modifying(
      "redirect.append",
      `${code(append ? "tee -a" : "tee", files[0])} writes ${code(files[0])}`,
    );
  },
  syntax: { tee: TEE },
};

const sed: ToolFamily = {
  names: ["sed", "gsed"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, SED);
    const scripts = allValues(parsed, "expression");
    const files =
      scripts.length > 0 || hasOption(parsed, "file") ? parsed.operands : parsed.operands.slice(1);
    if (hasOption(parsed, "in-place")) {
      const target = files.find(isSystemPath);
      return target !== undefined
        ? destructive(
            "redirect.system",
            `${code("sed -i")} edits system file ${code(target)} in place`,
          )
        : modifying("sed.in-place", `${code("sed -i")} edits files in place`);
    }
    if (hasOption(parsed, "file") && scripts.length === 0)
      return modifying(
        "sed.script-file",
        `${code("sed -f")} runs a script file the rules cannot see`,
      );
    const program = scripts.length > 0 ? scripts.join("\n") : parsed.operands[0];
    if (program === undefined)
      return readOnly("read.filter", `${code("sed")} without a script only prints its usage`);
    const read = readSedScript(program);
    if (read.kind === "writes")
      return modifying("sed.write", `${code("sed", read.command)} writes files or runs commands`);
    if (read.kind === "unknown")
      return modifying(
        "sed.unknown-command",
        `${code("sed")} script command ${code(read.at)} is not one the rules know`,
      );
    return readOnly("read.filter", `${code("sed")} without ${code("-i")} prints edited text`);
  },
  syntax: { sed: SED, gsed: SED },
};

const awk: ToolFamily = {
  names: ["awk", "gawk", "mawk", "nawk"],
  rule: ({ name, args }) => {
    const parsed = parseArgs(args, AWK);
    if (hasOption(parsed, "i") && allValues(parsed, "i").includes("inplace"))
      return modifying("awk.side-effect", `${code(name, "-i inplace")} edits files in place`);
    const sources = allValues(parsed, "source");
    const programs =
      sources.length > 0 || hasOption(parsed, "file") ? sources : parsed.operands.slice(0, 1);
    for (const program of programs) {
      const effect = awkSideEffect(program);
      if (effect !== undefined)
        return modifying(
          "awk.side-effect",
          `${code(name)} program uses ${code(effect)}, which runs commands or writes files`,
        );
    }
    return readOnly("read.filter", `${code(name)} prints processed text`);
  },
  syntax: { awk: AWK, gawk: AWK, mawk: AWK, nawk: AWK },
};

const sort: ToolFamily = {
  names: ["sort"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, SORT);
    const output = lastValue(parsed, "output");
    if (output !== undefined)
      return isSystemPath(output)
        ? destructive("redirect.system", `${code("sort -o", output)} overwrites a system file`)
        : modifying("files.write", `${code("sort -o", output)} writes a file`);
    if (hasOption(parsed, "compress-program"))
      return modifying(
        "sort.runs-program",
        `${code("sort --compress-program")} runs another program`,
      );
    return readOnly("read.filter", `${code("sort")} prints sorted text`);
  },
  syntax: { sort: SORT },
};

/** `uniq in out` and `xxd in out` write their second operand; `ss -K` kills sockets. */
const filters: ToolFamily = {
  names: ["uniq", "xxd", "ss"],
  rule: ({ name, args }) => {
    if (name === "ss")
      return hasOption(parseArgs(args, SS), "kill")
        ? modifying("network.change", `${code("ss -K")} closes sockets`)
        : readOnly("read.inspect", `${code("ss")} lists sockets`);
    const output = parseArgs(args, name === "uniq" ? UNIQ : XXD).operands[1];
    if (output !== undefined && !isSink(output))
      return modifying("files.write", `${code(name, "…", output)} writes ${code(output)}`);
    return readOnly("read.filter", `${code(name)} prints its output`);
  },
  syntax: { uniq: UNIQ, xxd: XXD, ss: SS },
};

const rsync: ToolFamily = {
  names: ["rsync"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, RSYNC);
    if (hasOption(parsed, "dry-run") || hasOption(parsed, "list-only"))
      return readOnly("rsync.dry-run", `${code("rsync -n")} only shows what would change`);
    if (
      parsed.options.some((o) => o.def.names.some((n) => n.startsWith("del"))) ||
      hasOption(parsed, "remove-source-files")
    )
      return destructive(
        "rsync.delete",
        `${code("rsync --delete")} removes files missing from the source`,
      );
    return modifying("files.write", `${code("rsync")} copies files`);
  },
  syntax: { rsync: RSYNC },
};

/** dd's operands; any other word is not understood. */
const DD_OPERANDS = /^(if|of|bs|ibs|obs|cbs|count|skip|seek|iseek|oseek|conv|iflag|oflag|status)=/;

/** `dd` reading to stdout is harmless; `of=` (the last one wins) overwrites its target. */
const dd: ToolFamily = {
  names: ["dd"],
  readsProvenBy: provenBy(["dd"], "own-grammar"),
  rule: ({ args }) => {
    let of: string | undefined;
    for (const a of args) if (a.startsWith("of=")) of = a.slice(3);
    if (of !== undefined && !isSink(of))
      return destructive("dd.overwrite", `${code(`dd of=${of}`)} overwrites ${code(of)}`);
    const strange = args.find((a) => !DD_OPERANDS.test(a) && !/^--(help|version)$/.test(a));
    if (strange !== undefined)
      return modifying(
        "grammar.unknown-option",
        `${code("dd")}: ${code(strange)} is not an operand the rules know, so the command is not a proven read`,
      );
    return readOnly("dd.read", `${code("dd")} without ${code("of=")} only reads`);
  },
};

const FIND_EXEC = ["-exec", "-execdir", "-ok", "-okdir"];

/**
 * `find` prints unless it deletes, writes, or runs a command (classified like any other).
 * The `-exec … ;` parts are classified as commands; the rest must parse with find's grammar.
 */
const find: ToolFamily = {
  names: ["find", "gfind"],
  readsProvenBy: provenBy(["find", "gfind"], "own-grammar"),
  rule: ({ args, nested }) => {
    const hits: Hit[] = [];
    const rest: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] ?? "";
      if (!FIND_EXEC.includes(a)) {
        rest.push(a);
        continue;
      }
      const end = args.findIndex((w, k) => k > i && (w === ";" || w === "+"));
      const inner = args.slice(i + 1, end < 0 ? undefined : end);
      hits.push(
        ...nested.argv(inner).map((h) => ({ ...h, message: `${code("find", a)}: ${h.message}` })),
      );
      i = end < 0 ? args.length : end;
    }
    const parsed = parseArgs(rest, FIND);
    if (hasOption(parsed, "delete"))
      return destructive("find.delete", `${code("find -delete")} deletes matching files`);
    if (["fprint", "fprint0", "fls", "fprintf"].some((o) => hasOption(parsed, o)))
      hits.push(modifying("files.write", `${code("find -fprint")} writes a file`));
    hits.push(...closedWorldHits("find", rest, FIND));
    return hits.length > 0 ? hits : readOnly("read.inspect", `${code("find")} lists files`);
  },
};

/** File and text tools that can write. */
export const fileFamilies: readonly ToolFamily[] = [
  filters,
  rm,
  eraser,
  truncate,
  writers,
  compress,
  tar,
  tee,
  sed,
  awk,
  sort,
  rsync,
  dd,
  find,
];
