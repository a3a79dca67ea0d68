import { hasAny, positionals } from "../args.js";
import { parseArgs } from "../grammar/parse.js";
import { type OptionView, parsedView, wordView } from "../grammar/view.js";
import { GIT } from "./git-syntax.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  readOnly,
  type ToolFamily,
  unknown,
} from "../hit.js";

const READ: ReadonlySet<string> = new Set([
  "status",
  "log",
  "diff",
  "show",
  "blame",
  "annotate",
  "shortlog",
  "describe",
  "rev-parse",
  "rev-list",
  "ls-files",
  "ls-tree",
  "ls-remote",
  "cat-file",
  "grep",
  "whatchanged",
  "reflog",
  "cherry",
  "range-diff",
  "name-rev",
  "merge-base",
  "for-each-ref",
  "show-ref",
  "show-branch",
  "count-objects",
  "fsck",
  "verify-commit",
  "verify-tag",
  "check-ignore",
  "check-attr",
  "var",
  "version",
  "help",
  "bisect",
  "request-pull",
  "diff-tree",
  "diff-files",
  "diff-index",
  "get-tar-commit-id",
]);
/** Subcommands that write files or start a tool that can commit, without changing history themselves. */
const WRITE: ReadonlySet<string> = new Set([
  "difftool",
  "instaweb",
  "citool",
  "gui",
  "archive",
  "bundle",
  "format-patch",
]);
const MODIFY: ReadonlySet<string> = new Set([
  "add",
  "commit",
  "merge",
  "rebase",
  "pull",
  "fetch",
  "cherry-pick",
  "revert",
  "init",
  "clone",
  "mv",
  "rm",
  "am",
  "apply",
  "switch",
  "notes",
  "submodule",
  "worktree",
  "sparse-checkout",
  "lfs",
  "gc",
  "repack",
  "prune",
  "maintenance",
  "mergetool",
  "pack-refs",
  "update-index",
  "commit-tree",
  "fast-import",
  "replace",
  "subtree",
  "restore",
  "checkout",
  "stash",
  "branch",
  "tag",
  "config",
  "remote",
  "reset",
  "clean",
  "push",
  "update-ref",
  "filter-branch",
  "filter-repo",
  "symbolic-ref",
  "read-tree",
  "write-tree",
  "hash-object",
  "mktag",
  "credential",
  "annex",
  "crypt",
]);

function push(o: OptionView, ops: readonly string[]): Hit {
  if (
    o.short("f") ||
    o.long([
      "force",
      "force-with-lease",
      "force-if-includes",
      "force-with-lease-if-includes",
      "mirror",
      "prune",
    ]) ||
    ops.slice(2).some((r) => r.startsWith("+"))
  )
    return destructive("git.push-force", `${code("git push --force")} rewrites remote history`);
  if (o.short("d") || o.long(["delete"]) || ops.slice(2).some((r) => r.startsWith(":")))
    return destructive(
      "git.push-delete",
      `${code("git push --delete")} deletes remote branches or tags`,
    );
  if (o.short("n") || o.long(["dry-run"]))
    return readOnly("git.dry-run", `${code("git push --dry-run")} changes nothing`);
  return modifying("git.push", `${code("git push")} publishes commits to a remote`);
}

/** `git checkout -- path`, `git checkout .`, `git checkout -f` discard work; `-b`/branch names switch. */
function checkout(o: OptionView, ops: readonly string[], dashes: boolean): Hit {
  const discards =
    dashes ||
    o.short("f") ||
    o.long(["force", "ours", "theirs"]) ||
    ops.slice(1).some((p) => p === "." || (p.includes("/") && !o.short("bB")));
  if (discards && !o.short("bB"))
    return destructive(
      "git.discard",
      `${code("git checkout -- <path>")} discards uncommitted changes`,
    );
  return modifying("git.checkout", `${code("git checkout")} switches branches`);
}

function byVerb(verb: string, o: OptionView, ops: readonly string[], dashes: boolean): Hit {
  const sub = ops[1] ?? "";
  switch (verb) {
    case "push":
      return push(o, ops);
    case "reset":
      if (o.long(["hard", "merge", "keep"]))
        return destructive(
          "git.reset-hard",
          `${code("git reset --hard")} destroys uncommitted changes`,
        );
      return modifying("git.reset", `${code("git reset")} moves HEAD or unstages files`);
    case "clean":
      if (o.short("n") || o.long(["dry-run"]))
        return readOnly("git.dry-run", `${code("git clean -n")} only lists files`);
      return destructive("git.clean", `${code("git clean")} removes untracked files`);
    case "checkout":
      return checkout(o, ops, dashes);
    case "restore":
      if ((o.short("S") || o.long(["staged"])) && !o.short("W") && !o.long(["worktree"]))
        return modifying("git.unstage", `${code("git restore --staged")} unstages files`);
      return destructive("git.discard", `${code("git restore")} discards uncommitted changes`);
    case "switch":
      return o.short("f") || o.long(["discard-changes", "force"])
        ? destructive(
            "git.discard",
            `${code("git switch --discard-changes")} discards uncommitted changes`,
          )
        : modifying("git.checkout", `${code("git switch")} switches branches`);
    case "stash":
      if (sub === "drop" || sub === "clear")
        return destructive("git.stash-drop", `${code("git stash", sub)} deletes stashed changes`);
      if (sub === "list" || sub === "show")
        return readOnly("git.read", `${code("git stash", sub)} only reads`);
      return modifying("git.stash", `${code("git stash", sub)} changes the working tree`);
    case "branch":
      if (
        o.short("D") ||
        (o.short("d") && o.short("f")) ||
        (o.long(["delete"]) && o.long(["force"]))
      )
        return destructive(
          "git.branch-delete",
          `${code("git branch -D")} deletes a branch with unmerged work`,
        );
      if (
        o.short("dmMcC") ||
        o.long([
          "delete",
          "move",
          "copy",
          "set-upstream-to",
          "unset-upstream",
          "edit-description",
        ]) ||
        (ops.length > 1 &&
          !o.short("alrv") &&
          !o.long(["list", "contains", "merged", "no-merged", "show-current", "all", "remotes"]))
      )
        return modifying(
          "git.branch",
          `${code("git branch")} creates, renames or deletes branches`,
        );
      return readOnly("git.read", `${code("git branch")} lists branches`);
    case "tag":
      if (o.short("d") || o.long(["delete"]))
        return modifying("git.tag", `${code("git tag -d")} deletes a local tag`);
      if (ops.length > 1 && !o.short("lnv") && !o.long(["list", "contains", "points-at", "merged"]))
        return modifying("git.tag", `${code("git tag")} creates a tag`);
      return readOnly("git.read", `${code("git tag")} lists tags`);
    case "remote":
      if (sub === "" || sub === "show" || sub === "get-url" || o.short("v"))
        return readOnly("git.read", `${code("git remote", sub)} lists remotes`);
      return modifying("git.remote", `${code("git remote", sub)} changes remotes`);
    case "config":
      if (
        o.long(["get", "get-all", "get-regexp", "list", "show-origin", "get-urlmatch"]) ||
        o.short("l") ||
        (ops.length <= 2 &&
          !o.long([
            "unset",
            "unset-all",
            "add",
            "replace-all",
            "remove-section",
            "rename-section",
            "edit",
          ]) &&
          ops.length < 3 &&
          !["set", "unset"].includes(sub))
      )
        return readOnly("git.read", `${code("git config --get")} only reads configuration`);
      return modifying("git.config", `${code("git config")} changes configuration`);
    case "reflog":
      if (sub === "expire" || sub === "delete")
        return destructive(
          "git.history-rewrite",
          `${code("git reflog", sub)} deletes recovery points`,
        );
      return readOnly("git.read", `${code("git reflog")} only reads`);
    case "worktree":
      if (sub === "list") return readOnly("git.read", `${code("git worktree list")} only reads`);
      if (sub === "remove" && o.short("f"))
        return destructive(
          "git.discard",
          `${code("git worktree remove --force")} deletes a worktree with changes`,
        );
      return modifying("git.worktree", `${code("git worktree", sub)} changes worktrees`);
    case "filter-branch":
    case "filter-repo":
      return destructive("git.history-rewrite", `${code("git", verb)} rewrites history`);
    case "update-ref":
      return o.short("d")
        ? destructive("git.history-rewrite", `${code("git update-ref -d")} deletes a ref`)
        : modifying("git.update-ref", `${code("git update-ref")} moves a ref`);
    case "gc":
    case "prune":
      return o.long(["prune"]) || verb === "prune"
        ? destructive(
            "git.history-rewrite",
            `${code("git", verb, "--prune")} deletes unreachable objects`,
          )
        : modifying("git.gc", `${code("git gc")} repacks the repository`);
    case "submodule":
      if (sub === "status" || sub === "summary" || sub === "")
        return readOnly("git.read", `${code("git submodule", sub)} only reads`);
      if (sub === "deinit" && o.short("f"))
        return destructive(
          "git.discard",
          `${code("git submodule deinit -f")} discards submodule work trees`,
        );
      return modifying("git.submodule", `${code("git submodule", sub)} changes submodules`);
    case "rm":
      return o.short("f")
        ? destructive("git.rm-force", `${code("git rm -f")} deletes files with uncommitted changes`)
        : modifying("git.rm", `${code("git rm")} removes files from the work tree and index`);
    case "bisect":
      return sub === "log" || sub === "view" || sub === "visualize"
        ? readOnly("git.read", `${code("git bisect", sub)} only reads`)
        : modifying("git.bisect", `${code("git bisect")} moves HEAD`);
    case "lfs":
      return /^(ls-files|status|env|version|logs|track)$/.test(sub) &&
        (sub !== "track" || ops.length === 2)
        ? readOnly("git.read", `${code("git lfs", sub)} only reads`)
        : modifying("git.lfs", `${code("git lfs", sub)} changes LFS state`);
    default:
      if (READ.has(verb))
        return readOnly("git.read", `${code("git", verb)} only reads the repository`);
      if (WRITE.has(verb))
        return modifying(
          `git.${verb}`,
          `${code("git", verb)} writes files or opens a tool that can commit`,
        );
      if (MODIFY.has(verb))
        return modifying(`git.${verb}`, `${code("git", verb)} changes the repository`);
      return unknown("git.unknown", `${code("git", verb)} is not a git command the rules know`);
  }
}

const git: ToolFamily = {
  names: ["git", "hub", "yadm"],
  rule: ({ args, nested }) => {
    // `git -c alias.x='!cmd' x` runs `cmd` in a shell.
    const alias = args
      .map((a) => /^alias\.[^=]+=!(.*)$/s.exec(a)?.[1])
      .find((body) => body !== undefined);
    if (alias !== undefined)
      return [
        modifying("git.alias-shell", `${code("git -c alias.…=!")} runs a shell command`),
        ...nested.shell(alias),
      ];
    const parsed = parseArgs(args, GIT);
    const verb = parsed.path[0] ?? parsed.operands[0];
    if (verb === undefined)
      return readOnly(
        "git.read",
        hasAny(args, ["--version", "--help"])
          ? `${code("git --version")} only prints`
          : `${code("git")} prints help`,
      );
    if (parsed.path.length > 0) {
      // Subcommands of subcommands (`stash list`) are operands to the rules below.
      const ops = [...parsed.path, ...parsed.operands];
      return byVerb(verb, parsedView(parsed), ops, dashesIn(args, verb));
    }
    const rest = args.slice(args.indexOf(verb) + 1);
    return byVerb(verb, wordView(rest), [verb, ...positionals(rest)], rest.includes("--"));
  },
  syntax: { git: GIT, hub: GIT, yadm: GIT },
};

/** A lone `--` after the subcommand: what follows are paths (`git checkout REV -- file`). */
function dashesIn(args: readonly string[], verb: string): boolean {
  return args.slice(args.indexOf(verb) + 1).includes("--");
}

/** git rules. */
export const gitFamilies: readonly ToolFamily[] = [git];
