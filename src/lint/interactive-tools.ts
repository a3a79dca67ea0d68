import { hasFlag, operands } from "./flags.js";
import { type Check, hasStdin, use } from "./interactive-kinds.js";

/** The fix for every editor: change files without one. */
export const EDIT_FILES = "Change files with `sed -i`, `tee`, or a heredoc (`cat > file <<'EOF'`)";

/** `vim`, `vi`, `nvim`: fine in ex batch mode (`-es`), otherwise they need a terminal. */
export const editor: Check = (args, command) =>
  hasFlag(args, "s") && (hasFlag(args, "e") || hasFlag(args, "E"))
    ? undefined
    : use("terminal", `\`${command.name}\``, EDIT_FILES);

/** A database shell that waits for typed SQL unless given it by flag or on stdin. */
export const dbClient =
  (label: string, runFlags: { short: string; long: readonly string[] }, fix: string): Check =>
  (args, command) =>
    hasStdin(command) ||
    hasFlag(args, runFlags.short, ...runFlags.long) ||
    hasFlag(args, "", "--version", "--help", "-l", "--list")
      ? undefined
      : use("input", `\`${label}\``, fix);

/** `psql` and `gitlab-psql`. */
export const PSQL = dbClient(
  "psql",
  { short: "c", long: ["--command", "-f", "--file"] },
  "Pass the SQL with `-c '…'`, `-f file.sql`, or a heredoc (`psql <<'SQL' … SQL`)",
);

/** `kubectl` / `oc`: `edit`, followed logs, watches, port-forwards and attach. */
export const kubectl: Check = (args, command) => {
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
  if (
    verb === "rsh" &&
    !args.includes("--") &&
    operands(args, ["-n", "--namespace", "-c", "--container", "--shell"]).length < 3
  )
    return use(
      "input",
      "`oc rsh` without a command",
      "Give the command: `oc rsh pod command…` (or `oc exec pod -- command…`); as written, the next lines would run on this machine",
    );
  if (
    verb === "debug" &&
    !args.includes("--") &&
    (command.name === "oc" || hasFlag(args, "i", "--stdin", "--attach"))
  )
    return use(
      "input",
      "`oc debug` / `kubectl debug` without a command",
      "Give the command after `--`: `oc debug node/NAME -- chroot /host command…`; as written, the next lines would run on this machine",
    );
  if (verb === "attach")
    return use(
      "input",
      "`kubectl attach`",
      "Use `kubectl logs` to read output, or `kubectl exec pod -- command` to run something",
    );
  return undefined;
};

/** `docker` / `podman`: followed logs, attach, and `run`/`exec` with a TTY (`-it`). */
export const container: Check = (args) => {
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

/** `git commit` without a message, `git rebase -i`, `git add -p`. */
export const git: Check = (args) => {
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

/** `rails console` / `gitlab-rails console` (and `c`, `dbconsole`, `db`) without stdin. */
export const rails: Check = (args, command) => {
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

/** An interpreter started with no arguments is a REPL. */
export const repl: Check = (args, command) =>
  args.length === 0 && !hasStdin(command)
    ? use(
        "input",
        `\`${command.name}\` without arguments`,
        `Pass the code as an argument (\`${command.name} -c '…'\` / \`-e '…'\`) or a heredoc`,
      )
    : undefined;

/** `ssh -N` never ends; `ssh host` with no command is a login shell. */
export const ssh: Check = (args, command) => {
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

/** `su`, `sudo -i`, `sudo -s`: a shell waiting for typed commands. */
export const login =
  (label: string): Check =>
  (_args, command) =>
    hasStdin(command)
      ? undefined
      : use("input", label, "Run the command directly (`sudo command`, `su user -c 'command'`)");
