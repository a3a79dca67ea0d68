import { hasAny, hasLong, hasShort, optionValue, positionals } from "../args.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { isRootLike, isSink, isSystemPath, isTempPath } from "../paths.js";
import { leadThen } from "../linear-match.js";

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
  rule: ({ name, args }) => {
    if (
      (name === "chmod" || name === "chown" || name === "chgrp") &&
      (hasShort(args, "R") || hasLong(args, ["recursive"]))
    ) {
      const wide = positionals(args).find((t) => isRootLike(t) || isSystemPath(t));
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

/** `gzip`/`xz` compress in place unless writing to stdout. */
const compress: ToolFamily = {
  names: ["gzip", "bzip2", "xz", "zstd", "lz4", "pigz"],
  rule: ({ name, args }) =>
    hasShort(args, "cltk") || hasLong(args, ["stdout", "list", "test", "keep"])
      ? readOnly("read.inspect", `${code(name, "-c")} writes to stdout`)
      : modifying("files.write", `${code(name)} replaces files with their (de)compressed form`),
};

const tar: ToolFamily = {
  names: ["tar"],
  rule: ({ args }) => {
    const first = args[0] ?? "";
    const mode = first.startsWith("-") ? first : `-${first}`;
    if (/^-[^-]*t/.test(mode) || hasLong(args, ["list"]))
      return readOnly("read.inspect", `${code("tar -t")} lists an archive`);
    if (
      hasLong(args, ["remove-files"]) ||
      (/^-[^-]*x/.test(mode) && hasLong(args, ["overwrite", "unlink-first", "recursive-unlink"]))
    )
      return destructive("tar.overwrite", `${code("tar")} removes or overwrites files`);
    return modifying("files.write", `${code("tar")} writes an archive or extracts files`);
  },
};

/** `tee file` truncates like `>`; `tee -a` appends; `tee` alone or to /dev/null only copies. */
const tee: ToolFamily = {
  names: ["tee"],
  rule: ({ args }) => {
    const files = positionals(args).filter((f) => !isSink(f));
    const append = hasShort(args, "a") || hasLong(args, ["append"]);
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
};

const sed: ToolFamily = {
  names: ["sed", "gsed"],
  rule: ({ args }) => {
    if (hasShort(args, "i") || hasLong(args, ["in-place"])) {
      const target = positionals(args, { short: "ef", long: ["expression", "file"] })
        .slice(1)
        .find(isSystemPath);
      return target !== undefined
        ? destructive(
            "redirect.system",
            `${code("sed -i")} edits system file ${code(target)} in place`,
          )
        : modifying("sed.in-place", `${code("sed -i")} edits files in place`);
    }
    // `w file` / `e cmd` commands and the `s///w file` / `s///e` flags write files or run commands.
    if (args.some((a) => /(^|[;}\s])[ew]\s|\/[gpiImM0-9]*[ew]([\s;}]|$)/.test(a)))
      return modifying("sed.write", `${code("sed")} script writes files or runs commands`);
    return readOnly("read.filter", `${code("sed")} without ${code("-i")} prints edited text`);
  },
};

/** `print … > file` / `printf … >> file` in an awk program, found in linear time. */
const AWK_PRINT_REDIRECT = leadThen(/\bprintf?\b/g, ";}", />/g);

const awk: ToolFamily = {
  names: ["awk", "gawk", "mawk", "nawk"],
  rule: ({ name, args }) => {
    const program = args.join(" ");
    if (
      /\bsystem\s*\(|\|\s*"|"\s*\|/.test(program) ||
      AWK_PRINT_REDIRECT(program) !== undefined ||
      hasAny(args, ["-i", "inplace"])
    )
      return modifying("awk.side-effect", `${code(name)} program runs commands or writes files`);
    return readOnly("read.filter", `${code(name)} prints processed text`);
  },
};

const sort: ToolFamily = {
  names: ["sort"],
  rule: ({ args }) =>
    optionValue(args, "o", ["output"]) !== undefined
      ? modifying("files.write", `${code("sort -o")} writes a file`)
      : readOnly("read.filter", `${code("sort")} prints sorted text`),
};

/** `uniq in out` and `xxd in out` write their second operand; `ss -K` kills sockets. */
const filters: ToolFamily = {
  names: ["uniq", "xxd", "ss"],
  rule: ({ name, args }) => {
    if (name === "ss")
      return hasShort(args, "K") || hasLong(args, ["kill"])
        ? modifying("network.change", `${code("ss -K")} closes sockets`)
        : readOnly("read.inspect", `${code("ss")} lists sockets`);
    const output = positionals(args, {
      short: name === "uniq" ? "fsw" : "cglosn",
      long: ["skip-fields", "skip-chars", "check-chars"],
    })[1];
    if (output !== undefined && !isSink(output))
      return modifying("files.write", `${code(name, "…", output)} writes ${code(output)}`);
    return readOnly("read.filter", `${code(name)} prints its output`);
  },
};

const rsync: ToolFamily = {
  names: ["rsync"],
  rule: ({ args }) => {
    if (hasShort(args, "n") || hasLong(args, ["dry-run", "list-only"]))
      return readOnly("rsync.dry-run", `${code("rsync -n")} only shows what would change`);
    if (args.some((a) => a.startsWith("--delete") || a === "--remove-source-files"))
      return destructive(
        "rsync.delete",
        `${code("rsync --delete")} removes files missing from the source`,
      );
    return modifying("files.write", `${code("rsync")} copies files`);
  },
};

/** `dd` reading to stdout is harmless; `of=` overwrites its target. */
const dd: ToolFamily = {
  names: ["dd"],
  rule: ({ args }) => {
    const of = args.find((a) => a.startsWith("of="))?.slice(3);
    if (of === undefined || isSink(of))
      return readOnly("dd.read", `${code("dd")} without ${code("of=")} only reads`);
    return destructive("dd.overwrite", `${code(`dd of=${of}`)} overwrites ${code(of)}`);
  },
};

const FIND_EXEC = ["-exec", "-execdir", "-ok", "-okdir"];

/** `find` prints unless it deletes, writes, or runs a command (classified like any other). */
const find: ToolFamily = {
  names: ["find", "gfind"],
  rule: ({ args, nested }) => {
    if (args.includes("-delete"))
      return destructive("find.delete", `${code("find -delete")} deletes matching files`);
    const hits: Hit[] = [];
    for (let i = 0; i < args.length; i++) {
      if (!FIND_EXEC.includes(args[i] ?? "")) continue;
      const end = args.findIndex((a, k) => k > i && (a === ";" || a === "+"));
      const inner = args.slice(i + 1, end < 0 ? undefined : end);
      hits.push(
        ...nested
          .argv(inner)
          .map((h) => ({ ...h, message: `${code("find", args[i])}: ${h.message}` })),
      );
    }
    if (args.some((a) => a === "-fprint" || a === "-fprintf" || a === "-fls" || a === "-fprint0"))
      hits.push(modifying("files.write", `${code("find -fprint")} writes a file`));
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
