import { hasLong, hasShort, positionals } from "../args.js";
import { hasOption, parseArgs } from "../grammar/parse.js";
import { code, destructive, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";
import {
  APT,
  APT_CACHE,
  APT_GET_SYNTAX,
  APT_MARK,
  DPKG,
  DPKG_QUERY,
  DPKG_READ_COMMANDS,
  GO,
  NEEDRESTART,
  NPM,
  PIP,
  RPM,
} from "./packages-syntax.js";

/** Per manager: verbs that only read, verbs that remove. Everything else changes the system. */
interface Manager {
  readonly read: RegExp;
  readonly remove: RegExp;
  /** Verbs that run project code (`npm run`, `cargo run`): unknown. */
  readonly runs?: RegExp;
}

const MANAGERS: Readonly<Record<string, Manager>> = {
  apt: {
    read: /^(list|search|show|policy|depends|rdepends|showsrc|changelog|madison|help)$/,
    remove: /^(remove|purge|autoremove|autopurge|clean|autoclean)$/,
  },
  dnf: {
    read: /^(list|info|search|provides|repolist|repoquery|check-update|deplist|makecache|help|version|updateinfo)$/,
    remove: /^(remove|erase|autoremove|clean|downgrade)$/,
  },
  zypper: {
    read: /^(search|se|info|if|list-updates|lu|lp|list-patches|repos|lr|packages|pa|patches|products|pd|what-provides|wp)$/,
    remove: /^(remove|rm|clean)$/,
  },
  apk: { read: /^(info|search|list|policy|stats|dot|audit|version)$/, remove: /^(del|cache)$/ },
  brew: {
    read: /^(list|ls|info|search|outdated|deps|uses|leaves|doctor|config|--version|home|desc|options|log|cat)$/,
    remove: /^(uninstall|remove|rm|cleanup|autoremove|untap)$/,
  },
  snap: {
    read: /^(list|info|find|search|changes|services|version|connections|interfaces|warnings|logs|known)$/,
    remove: /^(remove)$/,
  },
  flatpak: {
    read: /^(list|info|search|remotes|remote-ls|history|ps|documents)$/,
    remove: /^(uninstall|remove)$/,
  },
  pip: {
    read: /^(list|show|freeze|check|search|index|inspect|debug|help|hash)$/,
    remove: /^(uninstall)$/,
  },
  pipx: { read: /^(list|environment)$/, remove: /^(uninstall|uninstall-all)$/, runs: /^(run)$/ },
  npm: {
    read: /^(ls|list|ll|la|view|v|info|show|outdated|search|s|doctor|get|help|whoami|audit|explain|why|query|root|prefix|bin|fund|docs|repo|bugs|-v|--version)$/,
    remove: /^(uninstall|un|rm|remove|unpublish|prune|cache|deprecate)$/,
    runs: /^(run|run-script|test|t|start|stop|restart|exec|x|rebuild)$/,
  },
  yarn: {
    read: /^(list|info|why|outdated|audit|licenses|versions|--version)$/,
    remove: /^(remove|autoclean|cache)$/,
    runs: /^(run|test|start|exec|dlx|node)$/,
  },
  pnpm: {
    read: /^(ls|list|outdated|why|audit|licenses|view|info|root|--version)$/,
    remove: /^(remove|rm|uninstall|un|prune)$/,
    runs: /^(run|test|start|exec|dlx)$/,
  },
  gem: {
    read: /^(list|search|info|query|specification|contents|dependency|environment|which|outdated|help)$/,
    remove: /^(uninstall|cleanup)$/,
  },
  cargo: {
    read: /^(tree|search|metadata|version|--version|audit|outdated|locate-project|pkgid|read-manifest|verify-project|help)$/,
    remove: /^(uninstall|clean|yank)$/,
    runs: /^(run|test|bench|build|make|xtask|check|clippy|doc)$/,
  },
  go: {
    read: /^(list|version|env|vet|doc|help)$/,
    remove: /^(clean)$/,
    runs: /^(run|test|generate|build|tool)$/,
  },
  conda: {
    read: /^(list|info|search)$/,
    remove: /^(remove|uninstall|clean)$/,
    runs: /^(run)$/,
  },
  poetry: {
    read: /^(show|check|version|search|about)$/,
    remove: /^(remove)$/,
    runs: /^(run|shell)$/,
  },
  composer: {
    read: /^(show|info|search|outdated|depends|why|licenses|validate|diagnose|check-platform-reqs|audit)$/,
    remove: /^(remove|clear-cache)$/,
    runs: /^(run|run-script|exec)$/,
  },
  uv: { read: /^(tree|version|help)$/, remove: /^(remove|clean)$/, runs: /^(run)$/ },
};

const ALIASES: Readonly<Record<string, string>> = {
  "apt-get": "apt",
  aptitude: "apt",
  yum: "dnf",
  microdnf: "dnf",
  pip3: "pip",
  mamba: "conda",
  micromamba: "conda",
};

/**
 * A simulation that runs nothing: apt's `-s`/`--simulate` (its aliases `--dry-run`,
 * `--just-print`, `--recon`, `--no-act`) with no `-o`/`-c` configuration that could turn it
 * off, and npm's `--dry-run` for the verbs that only resolve and report. Other managers'
 * dry runs still build packages (`pip install --dry-run` runs a source package's setup.py),
 * so they are not reads.
 */
function simulates(manager: string, args: readonly string[]): boolean {
  if (manager === "apt")
    return (
      (hasShort(args, "s") ||
        hasLong(args, ["simulate", "dry-run", "just-print", "recon", "no-act"])) &&
      !hasShort(args, "oc") &&
      !hasLong(args, ["option", "config-file"])
    );
  if (manager === "npm")
    return (
      args.lastIndexOf("--dry-run") > args.lastIndexOf("--no-dry-run") &&
      /^(install|i|ci|uninstall|update|dedupe|prune)$/.test(args[0] ?? "")
    );
  return false;
}

const packageManagers: ToolFamily = {
  names: [...Object.keys(MANAGERS), ...Object.keys(ALIASES)],
  syntax: { apt: APT, "apt-get": APT_GET_SYNTAX, pip: PIP, pip3: PIP, npm: NPM, go: GO },
  rule: ({ name, args }) => {
    const ops = positionals(args, {
      short: "oecCtr",
      long: [
        "prefix",
        "registry",
        "target",
        "index-url",
        "extra-index-url",
        "cwd",
        "workspace",
        "filter",
        "option",
        "config",
        "root",
        "channel",
        "name",
      ],
    });
    const verb = ops[0] ?? "";
    const manager = MANAGERS[ALIASES[name] ?? name];
    if (manager === undefined)
      return unknown("packages.unknown", `${code(name)} is not a package manager the rules know`);
    const label = code(name, verb);
    if (manager.runs?.test(verb) === true)
      return unknown("packages.runs-code", `${label} runs project code the rules cannot see`);
    if (verb === "" || hasLong(args, ["version", "help"]) || simulates(ALIASES[name] ?? name, args))
      return readOnly("packages.read", `${label} changes nothing`);
    if (ops[1] === "fix")
      return modifying("packages.install", `${code(name, verb, "fix")} changes installed packages`);
    if (manager.remove.test(verb))
      return destructive("packages.remove", `${label} removes packages or cached data`);
    if (
      manager.read.test(verb) ||
      (verb === "cache" && /^(list|dir|info|search|show|policy)$/.test(ops[1] ?? ""))
    )
      return readOnly("packages.read", `${label} only reads package information`);
    return modifying("packages.install", `${label} installs, upgrades or configures packages`);
  },
};

/** Low-level package tools: `dpkg`, `rpm`, `pacman` use flags rather than verbs. */
const lowLevel: ToolFamily = {
  names: [
    "dpkg",
    "rpm",
    "pacman",
    "apt-cache",
    "dpkg-query",
    "apt-mark",
    "needrestart",
    "checkrestart",
  ],
  syntax: {
    dpkg: DPKG,
    "dpkg-query": DPKG_QUERY,
    "apt-cache": APT_CACHE,
    "apt-mark": APT_MARK,
    rpm: RPM,
    needrestart: NEEDRESTART,
  },
  rule: ({ name, args }) => {
    if (name === "apt-cache" || name === "dpkg-query" || name === "checkrestart")
      return readOnly("packages.read", `${code(name)} only reads package information`);
    if (name === "apt-mark")
      return /^(show|showhold|showauto|showmanual)/.test(args[0] ?? "")
        ? readOnly("packages.read", `${code(name, args[0])} only reads`)
        : modifying("packages.install", `${code(name)} changes package marks`);
    if (name === "needrestart") {
      // Without batch, plugin or list-only mode it may restart services itself.
      const parsed = parseArgs(args, NEEDRESTART);
      return ["b", "p", "o", "r"].some((o) => hasOption(parsed, o))
        ? readOnly("packages.read", `${code(name)} only lists`)
        : modifying("packages.install", `${code(name)} restarts services`);
    }
    if (name === "dpkg") {
      if (hasShort(args, "rP") || hasLong(args, ["remove", "purge"]))
        return destructive("packages.remove", `${code("dpkg -r")} removes packages`);
      const parsed = parseArgs(args, DPKG);
      if (DPKG_READ_COMMANDS.some((c) => hasOption(parsed, c)))
        return readOnly("packages.read", `${code("dpkg -l")} only reads`);
      return modifying("packages.install", `${code(name)} installs or configures packages`);
    }
    if (name === "rpm") {
      if (hasShort(args, "e") || hasLong(args, ["erase"]))
        return destructive("packages.remove", `${code("rpm -e")} removes packages`);
      // `-V` runs each package's %verifyscript and `--eval` expands macros that run shell.
      const parsed = parseArgs(args, RPM);
      if (["query", "checksig", "showrc"].some((c) => hasOption(parsed, c)))
        return readOnly("packages.read", `${code("rpm -q")} only reads`);
      return modifying(
        "packages.install",
        `${code(name)} installs, upgrades or runs package scripts`,
      );
    }
    const op = (args[0] ?? "").replace(/^-/, "");
    if (op.startsWith("R"))
      return destructive("packages.remove", `${code("pacman -R")} removes packages`);
    if (
      /^[QFT]/.test(op) ||
      (op.startsWith("S") && /[sil]/.test(op.slice(1)) && !/[uy]/.test(op.slice(1)))
    )
      return readOnly("packages.read", `${code("pacman", args[0])} only reads`);
    if (op.startsWith("S") && op.includes("cc"))
      return destructive("packages.remove", `${code("pacman -Scc")} deletes the package cache`);
    return modifying("packages.install", `${code(name, args[0])} installs or upgrades packages`);
  },
};

/** Package managers. */
export const packageFamilies: readonly ToolFamily[] = [packageManagers, lowLevel];
