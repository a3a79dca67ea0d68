import type { ShellCommand } from "../shell/types.js";
import { commandName, SHELL_NAMES } from "../shell/index.js";
import { hasFlag } from "./flags.js";

/**
 * Why a command cannot work in a step: it needs a terminal (steps have none), it waits for
 * typed input (stdin is /dev/null, so it reads nothing), or it never exits (until the step
 * timeout kills it).
 */
export type InteractiveKind = "terminal" | "input" | "endless";

/** What is wrong with one command, and how to write it instead. */
export interface InteractiveUse {
  readonly kind: InteractiveKind;
  /** How the command is shown in the message, e.g. "`top`", "`ssh` without a command". */
  readonly label: string;
  readonly fix: string;
}

type Args = readonly string[];
type Check = (args: Args, command: ShellCommand) => InteractiveUse | undefined;

/** Operands after skipping options; `withValue` lists options that take the next word. */
function operands(args: Args, withValue: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "--") return [...out, ...args.slice(i + 1)];
    if (a.startsWith("-") && a.length > 1) {
      if (withValue.includes(a)) i++;
      continue;
    }
    out.push(a);
  }
  return out;
}

const use = (kind: InteractiveKind, label: string, fix: string): InteractiveUse => ({
  kind,
  label,
  fix,
});
const hasStdin = (command: ShellCommand): boolean => command.stdin !== undefined;
const EDIT_FILES = "Change files with `sed -i`, `tee`, or a heredoc (`cat > file <<'EOF'`)";

const editor: Check = (args, command) =>
  hasFlag(args, "s") && (hasFlag(args, "e") || hasFlag(args, "E"))
    ? undefined
    : use("terminal", `\`${command.name}\``, EDIT_FILES);

const dbClient =
  (label: string, runFlags: { short: string; long: readonly string[] }, fix: string): Check =>
  (args, command) =>
    hasStdin(command) ||
    hasFlag(args, runFlags.short, ...runFlags.long) ||
    hasFlag(args, "", "--version", "--help", "-l", "--list")
      ? undefined
      : use("input", `\`${label}\``, fix);

const PSQL = dbClient(
  "psql",
  { short: "c", long: ["--command", "-f", "--file"] },
  "Pass the SQL with `-c '…'`, `-f file.sql`, or a heredoc (`psql <<'SQL' … SQL`)",
);

const kubectl: Check = (args) => {
  const [verb] = operands(args, [
    "-n",
    "--namespace",
    "--context",
    "--kubeconfig",
    "-c",
    "--container",
    "-l",
    "--selector",
    "-o",
    "--output",
  ]);
  if (verb === "edit")
    return use(
      "terminal",
      "`kubectl edit`",
      "Use `kubectl patch … -p '…'` or `kubectl apply -f file.yaml`",
    );
  if (verb === "logs" && hasFlag(args, "f", "--follow"))
    return use(
      "endless",
      "`kubectl logs -f`",
      "Drop `-f`; use `--tail=200` or `--since=10m` to bound the output",
    );
  if (verb === "get" && hasFlag(args, "w", "--watch", "--watch-only"))
    return use(
      "endless",
      "`kubectl get --watch`",
      "Drop `--watch`; to wait for a state use `kubectl wait --for=… --timeout=…`",
    );
  if (verb === "port-forward" || verb === "proxy")
    return use(
      "endless",
      `\`kubectl ${verb}\``,
      "Run it in the background (`… &`) and `kill` it at the end of the step, or run it outside the runbook",
    );
  if (verb === "attach")
    return use(
      "input",
      "`kubectl attach`",
      "Use `kubectl logs` to read output, or `kubectl exec pod -- command` to run something",
    );
  return undefined;
};

const container: Check = (args) => {
  const [verb] = args;
  if (verb === "logs" && hasFlag(args, "f", "--follow"))
    return use("endless", "`docker logs -f`", "Drop `-f`; use `--tail 200` or `--since 10m`");
  if (verb === "attach")
    return use("input", "`docker attach`", "Use `docker logs` or `docker exec container command`");
  if (verb !== "run" && verb !== "exec") return undefined;
  const options = args.slice(1).filter((a) => a.startsWith("-"));
  const tty = hasFlag(options, "t", "--tty") && hasFlag(options, "i", "--interactive");
  return tty
    ? use(
        "terminal",
        `\`docker ${verb} -it\``,
        `Drop \`-it\`: \`docker ${verb}\` fails with "the input device is not a TTY" when there is no terminal`,
      )
    : undefined;
};

const git: Check = (args) => {
  const [verb] = operands(args, ["-C", "-c"]);
  if (
    verb === "commit" &&
    !hasFlag(
      args,
      "m",
      "--message",
      "-F",
      "--file",
      "--no-edit",
      "-C",
      "--reuse-message",
      "--fixup",
    )
  )
    return use("terminal", "`git commit`", "Give the message with `-m '…'` (or `--no-edit`)");
  if (verb === "rebase" && hasFlag(args, "i", "--interactive"))
    return use(
      "terminal",
      "`git rebase -i`",
      "Use a non-interactive rebase, or do it outside the runbook",
    );
  if (verb === "add" && hasFlag(args, "p", "--patch", "--interactive"))
    return use("input", "`git add -p`", "Add paths explicitly: `git add path…`");
  return undefined;
};

const rails: Check = (args, command) => {
  const [verb] = args;
  const console = verb === "console" || verb === "c" || verb === "dbconsole" || verb === "db";
  return console && !hasStdin(command)
    ? use(
        "input",
        `\`${command.name} ${verb}\``,
        "Run the code with `rails runner '…'` (`gitlab-rails runner`), or feed it on stdin with a heredoc",
      )
    : undefined;
};

const repl: Check = (args, command) =>
  args.length === 0 && !hasStdin(command)
    ? use(
        "input",
        `\`${command.name}\` without arguments`,
        `Pass the code as an argument (\`${command.name} -c '…'\` / \`-e '…'\`) or a heredoc`,
      )
    : undefined;

const ssh: Check = (args, command) => {
  if (hasFlag(args, "N"))
    return use(
      "endless",
      "`ssh -N`",
      "Run the tunnel in the background (`ssh -f -N …`) and close it at the end of the step",
    );
  // A command after the host was unwrapped by the analyser; what is left is a login shell.
  return command.remote?.kind === "ssh" && !hasStdin(command)
    ? use("input", "`ssh` without a command", "Give the remote command: `ssh host 'command'`")
    : undefined;
};

const login =
  (label: string): Check =>
  (_args, command) =>
    hasStdin(command)
      ? undefined
      : use("input", label, "Run the command directly (`sudo command`, `su user -c 'command'`)");

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
  if (command.dynamicName) return undefined;
  const check = CHECKS.get(commandName(command.name));
  return (
    check?.(
      command.argv.slice(1).map((w) => w.value),
      command,
    ) ?? interactiveShell(command)
  );
}
