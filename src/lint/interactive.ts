import { commandName, SHELL_NAMES } from "../shell/index.js";
import type { ShellCommand } from "../shell/types.js";
import { hasFlag, operands } from "./flags.js";
import { type Check, hasStdin, type InteractiveUse, use } from "./interactive-kinds.js";
import {
  container,
  dbClient,
  EDIT_FILES,
  editor,
  git,
  kubectl,
  login,
  PSQL,
  rails,
  repl,
  ssh,
} from "./interactive-tools.js";

export type { InteractiveKind, InteractiveUse } from "./interactive-kinds.js";

/** Tools that cannot run unattended (in some or all of their forms), by command name. */
const CHECKS: ReadonlyMap<string, Check> = new Map<string, Check>([
  [
    "top",
    (args) =>
      !hasFlag(args, "b", "--batch")
        ? use("terminal", "`top`", "Use `top -b -n 1` for one snapshot")
        : hasFlag(args, "n")
          ? undefined
          : use("endless", "`top -b`", "Add `-n 1` so top exits after one snapshot"),
  ],
  ["htop", () => use("terminal", "`htop`", "Use `top -b -n 1` or `ps aux --sort=-%cpu | head`")],
  ["vi", editor],
  ["vim", editor],
  ["nvim", editor],
  ["nano", () => use("terminal", "`nano`", EDIT_FILES)],
  [
    "emacs",
    (args) =>
      hasFlag(args, "", "--batch", "-batch", "--script")
        ? undefined
        : use("terminal", "`emacs`", EDIT_FILES),
  ],
  [
    "visudo",
    (args) =>
      hasFlag(args, "c", "--check")
        ? undefined
        : use(
            "terminal",
            "`visudo`",
            "Write a file under /etc/sudoers.d/ and check it with `visudo -c -f file`",
          ),
  ],
  ["sudoedit", () => use("terminal", "`sudoedit`", EDIT_FILES)],
  [
    "crontab",
    (args) =>
      hasFlag(args, "e")
        ? use("terminal", "`crontab -e`", "Install a crontab from a file: `crontab file`")
        : undefined,
  ],
  ["kubectl", kubectl],
  ["oc", kubectl],
  ["docker", container],
  ["podman", container],
  ["git", git],
  [
    "knife",
    (args) =>
      args.includes("edit")
        ? use(
            "terminal",
            "`knife … edit`",
            "Use `knife … from file file.json` (or `knife vault update`)",
          )
        : undefined,
  ],
  [
    "tail",
    (args) =>
      hasFlag(args, "f", "--follow") || hasFlag(args, "F")
        ? use("endless", "`tail -f`", "Drop `-f`; `tail -n 200` shows the recent lines and exits")
        : undefined,
  ],
  [
    "journalctl",
    (args) =>
      hasFlag(args, "f", "--follow")
        ? use("endless", "`journalctl -f`", "Drop `-f`; use `--since '10 min ago'` or `-n 200`")
        : undefined,
  ],
  [
    "ping",
    (args) =>
      hasFlag(args, "c", "--count") || hasFlag(args, "w", "--deadline")
        ? undefined
        : use("endless", "`ping`", "Add a count: `ping -c 3 host`"),
  ],
  [
    "read",
    (_args, command) =>
      hasStdin(command)
        ? undefined
        : use(
            "input",
            "`read`",
            "Declare a parameter in the front matter (`parameters:`) and use `$NAME`, or read from a file or heredoc",
          ),
  ],
  ["psql", PSQL],
  ["gitlab-psql", PSQL],
  [
    "mysql",
    dbClient(
      "mysql",
      { short: "e", long: ["--execute"] },
      "Pass the SQL with `-e '…'` or a heredoc",
    ),
  ],
  [
    "mariadb",
    dbClient(
      "mariadb",
      { short: "e", long: ["--execute"] },
      "Pass the SQL with `-e '…'` or a heredoc",
    ),
  ],
  [
    "mongo",
    dbClient(
      "mongo",
      { short: "", long: ["--eval"] },
      "Pass the code with `--eval '…'` or a script file",
    ),
  ],
  [
    "mongosh",
    dbClient(
      "mongosh",
      { short: "", long: ["--eval", "--file", "-f"] },
      "Pass the code with `--eval '…'` or `--file script.js`",
    ),
  ],
  [
    "redis-cli",
    (args, command) =>
      hasStdin(command) ||
      operands(args, ["-h", "-p", "-a", "-n", "-u", "-s", "--user", "--pass", "--tls", "--cacert"])
        .length > 0
        ? undefined
        : use("input", "`redis-cli`", "Give the command as arguments: `redis-cli -h host INFO`"),
  ],
  ["rails", rails],
  ["gitlab-rails", rails],
  ["irb", repl],
  ["python", repl],
  ["python3", repl],
  ["node", repl],
  [
    "sudo",
    (args, command) =>
      hasFlag(args, "i", "--login") || hasFlag(args, "s", "--shell")
        ? login("`sudo -i` or `sudo -s` (a root shell)")(args, command)
        : undefined,
  ],
  ["su", login("`su` without `-c`")],
  ["ssh", ssh],
  [
    "tmux",
    (args) =>
      args.length === 0 || /^(attach|a|attach-session)$/.test(args[0] ?? "")
        ? use(
            "terminal",
            "`tmux`",
            "Run the command directly, or `tmux new -d '…'` to start it detached",
          )
        : undefined,
  ],
  [
    "screen",
    (args) =>
      args.length === 0 || hasFlag(args, "r")
        ? use(
            "terminal",
            "`screen`",
            "Run the command directly, or `screen -dm …` to start it detached",
          )
        : undefined,
  ],
]);

/** A shell with nothing to run reads commands from stdin: an interactive shell. */
function interactiveShell(command: ShellCommand): InteractiveUse | undefined {
  const args = command.argv.slice(1).map((w) => w.value);
  const onlyOptions = args.every((a) => /^--?[a-z-]+$/.test(a));
  if (!SHELL_NAMES.has(command.name) || !onlyOptions || hasStdin(command)) return undefined;
  return use(
    "input",
    `\`${command.name}\` without a script`,
    "Run the commands directly, or pass them: `bash -c '…'` (`kubectl exec pod -- sh -c '…'`)",
  );
}

/** Why a command cannot run unattended, if it cannot. */
export function interactiveUse(command: ShellCommand): InteractiveUse | undefined {
  if (command.via.includes("watch"))
    return use(
      "endless",
      "`watch`",
      "Run the command once; to wait for a state, loop with a bound (`for i in $(seq 30); do …; sleep 10; done`)",
    );
  // `docker exec -it c ls` is unwrapped to `ls`: look at the wrapper's own words too.
  const first = command.argv[0];
  const wrappers =
    first === undefined ? command.words : command.words.slice(0, command.words.indexOf(first));
  const engine = wrappers.findIndex((w) => w.value === "docker" || w.value === "podman");
  if (engine !== -1) {
    const found = container(
      wrappers.slice(engine + 1).map((w) => w.value),
      command,
    );
    if (found !== undefined) return found;
  }
  const editorVariable = command.assignments.find(
    (a) =>
      /(^|_)(EDITOR|VISUAL)$/.test(a.name) &&
      /^(vi|vim|nvim|nano|emacs|pico|joe|mcedit|micro)\b/.test(commandName(a.value?.value ?? "")),
  );
  if (editorVariable !== undefined)
    return use(
      "terminal",
      `\`${editorVariable.name}=${editorVariable.value?.value ?? ""}\``,
      "Change files without an editor: `kubectl patch`, `crontab file`, `sed -i`, or a heredoc",
    );
  if (command.dynamicName) return undefined;
  const check = CHECKS.get(commandName(command.name));
  return (
    check?.(
      command.argv.slice(1).map((w) => w.value),
      command,
    ) ?? interactiveShell(command)
  );
}
