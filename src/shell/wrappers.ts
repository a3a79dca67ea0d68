import { type OptionSpec, scanOptions, skipAssignments } from "./options.js";
import { knifeSsh } from "./knife-ssh.js";
import type { RedirectKind, RemoteTarget, ShellRedirect, ShellWord } from "./types.js";
import type { Unwrapped, Unwrapper } from "./unwrapped.js";
import { shellWord } from "./quote.js";
import { syntheticWord } from "./words.js";

/** A wrapper whose command follows its options (and optional positional operands). */
function prefix(label: string, spec: OptionSpec, operands = 0, assignments = false): Unwrapper {
  return (args) => {
    const scan = scanOptions(args, spec);
    if (scan.stopped) return undefined;
    let i = scan.index + operands;
    if (assignments) i = skipAssignments(args, i);
    return i < args.length ? { kind: "argv", label, next: args.slice(i) } : undefined;
  };
}

const SHELL_SPEC: OptionSpec = {
  shortWithValue: "oO",
  longWithValue: ["rcfile", "init-file"],
  plusIsOption: true,
};

/** `bash -c 'script'`, `sh -s`, `bash` (reads stdin); `bash file.sh` is not unwrapped. */
function shell(label: string): Unwrapper {
  return (args) => {
    const scan = scanOptions(args, SHELL_SPEC);
    const operand = args[scan.index];
    if (scan.short.has("c"))
      return operand === undefined
        ? undefined
        : { kind: "script", label: `${label} -c`, script: [operand] };
    if (
      operand === undefined ||
      scan.short.has("s") ||
      /^(-|\/dev\/stdin|\/dev\/fd\/0|\/proc\/self\/fd\/0)$/.test(operand.value)
    )
      return { kind: "stdin", label };
    return undefined;
  };
}

const SSH_SPEC: OptionSpec = { shortWithValue: "BbcDEeFIiJLlmOoPpQRSWw" };

/** The values of `-o ProxyCommand=…` / `-o LocalCommand=…` among ssh's options, as words of shell text. */
function localCommands(options: readonly ShellWord[]): ShellWord[] {
  const out: ShellWord[] = [];
  options.forEach((w, i) => {
    const value =
      w.value === "-o"
        ? options[i + 1]?.value
        : w.value.startsWith("-o")
          ? w.value.slice(2)
          : undefined;
    const m =
      value === undefined
        ? null
        : /^(ProxyCommand|LocalCommand|KnownHostsCommand)\s*[= ]\s*(.*)$/is.exec(value);
    if (m !== null && m[2] !== undefined && m[2] !== "none")
      out.push({ ...w, value: m[2], dynamic: w.dynamic || /[$`]/.test(m[2]) });
  });
  return out.flatMap((w, i) => (i === 0 ? [w] : [{ ...w, value: ";" }, w]));
}

/** `ssh [opts] host [command…]`: the remote sshd runs the joined words with the user's shell. */
const ssh: Unwrapper = (args) => {
  const scan = scanOptions(args, SSH_SPEC);
  const host = args[scan.index];
  if (host === undefined) return undefined;
  const options = args.slice(0, scan.index);
  // `-F file` reads a configuration nobody can see here: left for the rules to flag.
  if (options.some((w) => w.value.startsWith("-F"))) return undefined;
  const rest = args.slice(scan.index + 1);
  const remote: RemoteTarget = {
    kind: "ssh",
    target: host.value,
    wrapper: args.slice(0, scan.index + 1),
  };
  const local = localCommands(options);
  // `-o ProxyCommand=…` runs on this machine: read it as a command of the script too.
  if (local.length > 0)
    return {
      kind: "script",
      label: "ssh",
      script: [...local, ...(rest.length > 0 ? [{ ...host, value: ";" }, ...rest] : [])],
      remote,
    };
  if (rest.length > 0) return { kind: "script", label: "ssh", script: rest, remote };
  return { kind: "stdin", label: "ssh", remote };
};

const KUBE_EXEC_SPEC: OptionSpec = {
  shortWithValue: "cnfs",
  longWithValue: [
    "container",
    "namespace",
    "filename",
    "context",
    "kubeconfig",
    "cluster",
    "user",
    "server",
    "token",
    "pod-running-timeout",
    "as",
    "as-group",
  ],
};

/** `kubectl exec [opts] pod -- cmd…`; without `--` (deprecated form) it is left alone. */
function kubeExec(tool: "kubectl" | "oc"): Unwrapper {
  return (args) => {
    const execAt = args.findIndex((w) => w.value === "exec");
    const dashes = args.findIndex((w) => w.value === "--");
    if (execAt < 0 || dashes < execAt || dashes === args.length - 1) return undefined;
    const scan = scanOptions(args.slice(execAt + 1, dashes), KUBE_EXEC_SPEC);
    const pod = args[execAt + 1 + scan.index]?.value ?? "";
    const remote: RemoteTarget = {
      kind: tool === "oc" ? "oc-exec" : "kubectl-exec",
      target: pod,
      wrapper: args.slice(0, dashes),
    };
    return { kind: "argv", label: `${tool} exec`, next: args.slice(dashes + 1), remote };
  };
}

const CONTAINER_EXEC_SPEC: OptionSpec = {
  shortWithValue: "euw",
  longWithValue: ["env", "env-file", "user", "workdir", "detach-keys", "index"],
};

/** `docker exec [opts] container cmd…`, `docker compose exec service cmd…`, podman alike. */
function containerExec(tool: "docker" | "podman"): Unwrapper {
  return (args) => {
    const first = args[0]?.value;
    const execAt = first === "exec" ? 0 : first === "compose" && args[1]?.value === "exec" ? 1 : -1;
    if (execAt < 0) return undefined;
    const rest = args.slice(execAt + 1);
    const scan = scanOptions(rest, CONTAINER_EXEC_SPEC);
    const container = rest[scan.index];
    const next = rest.slice(scan.index + 1);
    if (container === undefined || next.length === 0) return undefined;
    const remote: RemoteTarget = {
      kind: tool === "docker" ? "docker-exec" : "podman-exec",
      target: container.value,
      wrapper: args.slice(0, execAt + 1 + scan.index + 1),
    };
    return { kind: "argv", label: `${tool} exec`, next, remote };
  };
}

/** `watch 'cmd'` runs `sh -c` on the joined words; `watch -x cmd…` runs them directly. */
const watch: Unwrapper = (args) => {
  const scan = scanOptions(args, { shortWithValue: "n", longWithValue: ["interval"] });
  const rest = args.slice(scan.index);
  if (rest.length === 0) return undefined;
  return scan.short.has("x")
    ? { kind: "argv", label: "watch", next: rest }
    : { kind: "script", label: "watch", script: rest };
};

/** `flock [opts] lockfile cmd…` or `flock lockfile -c 'cmd'`; `flock fd` is not a wrapper. */
const flock: Unwrapper = (args) => {
  const spec: OptionSpec = {
    shortWithValue: "wE",
    longWithValue: ["timeout", "wait", "conflict-exit-code"],
  };
  const scan = scanOptions(args, spec);
  const lockFile = args[scan.index];
  // flock opens its lock file for writing, creating it when it is missing.
  const writes = lockFile === undefined ? undefined : writeTo(lockFile, "append");
  const rest = args.slice(scan.index + 1);
  if (rest[0]?.value === "-c" || rest[0]?.value === "--command") {
    const script = rest[1];
    return script === undefined || writes === undefined
      ? undefined
      : { kind: "script", label: "flock", script: [script], writes };
  }
  return rest.length > 0 && writes !== undefined
    ? { kind: "argv", label: "flock", next: rest, writes }
    : undefined;
};

/** `su [-] [user] -c 'cmd'`; plain `su` is interactive and left alone. */
const su: Unwrapper = (args) => {
  const at = args.findIndex((w) => w.value === "-c" || w.value === "--command");
  const script = at < 0 ? undefined : args[at + 1];
  return script === undefined ? undefined : { kind: "script", label: "su", script: [script] };
};

/** `eval word…`: the joined words are shell text. */
const evalWrapper: Unwrapper = (args) =>
  args.length > 0 ? { kind: "script", label: "eval", script: args } : undefined;

/** `env -S 'cmd args'` splits a string; otherwise options, assignments, command. */
const env: Unwrapper = (args) => {
  const scan = scanOptions(args, {
    shortWithValue: "uCS",
    longWithValue: ["unset", "chdir", "split-string"],
  });
  const long = args.find(
    (w) =>
      /^--s[a-z-]*(=|$)/.test(w.value) &&
      "split-string".startsWith(w.value.slice(2).split("=")[0] ?? ""),
  );
  const longValue =
    long === undefined
      ? undefined
      : long.value.includes("=")
        ? long.value.slice(long.value.indexOf("=") + 1)
        : args[args.indexOf(long) + 1]?.value;
  // The split words run with the arguments after them (`env -S 'env' rm -rf x` runs rm).
  const rest = args.slice(scan.index);
  const after = rest.map((w) => shellWord(w.value));
  const splitScript = (word: ShellWord, text: string): Unwrapped => ({
    kind: "script",
    label: "env",
    script: [
      {
        ...word,
        value: [text, ...after].join(" "),
        dynamic: word.dynamic || rest.some((w) => w.dynamic),
      },
    ],
  });
  if (long !== undefined && longValue !== undefined) return splitScript(long, longValue);
  const split = scan.short.get("S");
  if (split !== undefined) {
    const word = args.find((w) => w.value === split || w.value === `-S${split}`);
    if (word !== undefined) return splitScript(word, split);
  }
  const i = skipAssignments(args, scan.index);
  return i < args.length ? { kind: "argv", label: "env", next: args.slice(i) } : undefined;
};

const SHELLS = ["bash", "sh", "zsh", "dash", "ksh", "ash", "mksh"] as const;

/** `aws-vault exec prof -- cmd…`, `op run -- cmd…`: the command follows a lone `--`. */
function afterDashes(label: string): Unwrapper {
  return (args) => {
    const at = args.findIndex((w) => w.value === "--");
    return at < 0 || at === args.length - 1
      ? undefined
      : { kind: "argv", label, next: args.slice(at + 1) };
  };
}

/** `bundle exec cmd…`, `poetry run cmd…`, `ip netns exec NAME cmd…`: a fixed subcommand path, then `skip` operands. */
function subcommand(label: string, path: readonly string[], skip = 0): Unwrapper {
  return (args) => {
    if (!path.every((p, i) => args[i]?.value === p)) return undefined;
    const rest = args.slice(path.length);
    const scan = scanOptions(rest, {});
    const next = rest.slice(scan.index + skip);
    return next.length > 0 ? { kind: "argv", label, next } : undefined;
  };
}

/**
 * `script [options] [file] -c 'cmd'` records a session running `cmd` into `file` (`typescript`
 * unless named).
 */
const script: Unwrapper = (args) => {
  const at = args.findIndex((w) => w.value === "-c" || w.value === "--command");
  const text = at < 0 ? undefined : args[at + 1];
  if (text === undefined) return undefined;
  const rest = [...args.slice(0, at), ...args.slice(at + 2)];
  const file = rest.find((w) => !w.value.startsWith("-")) ?? syntheticWord("typescript", text);
  return { kind: "script", label: "script", script: [text], writes: writeTo(file, "write") };
};

/** {@link prefix} for a wrapper whose option `letter` names a file it writes (`strace -o F cmd`). */
function prefixWriting(label: string, spec: OptionSpec, letter: string): Unwrapper {
  const unwrap = prefix(label, spec);
  return (args) => {
    const result = unwrap(args);
    const value = scanOptions(args, spec).short.get(letter);
    const first = args[0];
    if (
      result === undefined ||
      result.kind === "stdin" ||
      value === undefined ||
      first === undefined
    )
      return result;
    return { ...result, writes: writeTo(syntheticWord(value, first), "write") } satisfies Unwrapped;
  };
}

/**
 * `parallel [options] cmd… ::: args`: GNU parallel joins the command's words, and the
 * arguments after them, into shell text (`parallel ls \\; rm x ::: a` runs rm), unless `-q`
 * quotes them.
 */
const parallel: Unwrapper = (args) => {
  const scan = scanOptions(args, {
    shortWithValue: "jSIdaEX",
    longWithValue: [
      "jobs",
      "sshlogin",
      "delimiter",
      "arg-file",
      "timeout",
      "joblog",
      "results",
      "workdir",
      "tmpdir",
      "halt",
    ],
    // They name files parallel writes.
    stopLong: ["joblog", "results"],
  });
  if (scan.stopped) return undefined;
  const rest = args.slice(scan.index);
  const end = rest.findIndex((w) => /^::::?\+?$/.test(w.value));
  const command = end === -1 ? rest : rest.slice(0, end);
  const last = command[command.length - 1];
  if (last === undefined) return undefined;
  const next = [...command, inputWords(last)];
  const quoted = scan.short.has("q") || args.some((w) => w.value === "--quote");
  return quoted
    ? { kind: "argv", label: "parallel", next }
    : { kind: "script", label: "parallel", script: next };
};

/**
 * What xargs and parallel add to their command's words, at `at`: the input's words, unknown,
 * perhaps options; a word no grammar knows, so the command is never a proven read.
 */
function inputWords(at: ShellWord): ShellWord {
  return { ...syntheticWord("--input-words-of-xargs", at), dynamic: true };
}

/** A redirect standing for a file a wrapper writes itself. */
function writeTo(target: ShellWord, kind: RedirectKind): ShellRedirect {
  const operator = kind === "append" ? ">>" : ">";
  return { operator, kind, fd: undefined, target, line: target.line, column: target.column };
}

/** `trap 'cmd' EXIT`: the handler is shell text that runs later in this script. */
const trap: Unwrapper = (args) => {
  const rest = args[0]?.value === "--" ? args.slice(1) : args;
  const handler = rest[0];
  if (handler === undefined || rest.length < 2 || (rest === args && handler.value.startsWith("-")))
    return undefined;
  return { kind: "script", label: "trap", script: [handler] };
};

/** `alias ll='ls -la'`: the bodies are shell text that runs when the alias is used. */
const alias: Unwrapper = (args) => {
  const bodies = args.filter((w) => /^[^=\s]+=/.test(w.value));
  const first = bodies[0];
  if (first === undefined) return undefined;
  const value = bodies.map((w) => w.value.slice(w.value.indexOf("=") + 1)).join("; ");
  return {
    kind: "script",
    label: "alias",
    script: [{ ...first, value, dynamic: bodies.some((w) => w.dynamic) }],
  };
};

/** `at now + 5 min <<EOF … EOF`: the job is read from stdin (`-f file` and queue commands are not). */
const at: Unwrapper = (args) =>
  args.some((w) => /^-[a-zA-Z]*[flrdcq]/.test(w.value) || w.value.startsWith("--"))
    ? undefined
    : { kind: "stdin", label: "at" };

/** A fleet tool whose command follows its options and `operands` operands (`pdsh -w hosts cmd…`). */
function fleet(label: string, spec: OptionSpec, operands = 0): Unwrapper {
  return (args) => {
    const scan = scanOptions(args, spec);
    const at = scan.index + operands;
    const target = args[scan.index]?.value ?? scan.short.get("w") ?? scan.short.get("H") ?? "";
    const script = args.slice(at);
    return script.length > 0
      ? { kind: "script", label, script, remote: { kind: "fleet", target } }
      : undefined;
  };
}

/** `salt TARGET cmd.run 'cmd'` (and `cmd.shell`, `cmd.run_all`…; salt-ssh alike). */
function salt(label: string): Unwrapper {
  return (args) => {
    const at = args.findIndex((w) =>
      /^cmd\.(run|shell|run_all|run_stdout|run_stderr|exec_code|script)$/.test(w.value),
    );
    const script =
      at < 0
        ? []
        : args.slice(at + 1).filter((w) => !/^\w+=/.test(w.value) && !w.value.startsWith("-"));
    const first = script[0];
    if (first === undefined) return undefined;
    return {
      kind: "script",
      label,
      script: [first],
      remote: { kind: "fleet", target: args[0]?.value ?? "" },
    };
  };
}

/** `ansible HOSTS -m shell -a 'cmd'` (modules shell, command, raw, script run their argument). */
const ansible: Unwrapper = (args) => {
  let module = "command";
  let script: ShellWord | undefined;
  args.forEach((w, i) => {
    const next = args[i + 1];
    if ((w.value === "-m" || w.value === "--module-name") && next !== undefined)
      module = next.value;
    else if (w.value.startsWith("--module-name=")) module = w.value.slice(14);
    else if (/^-m./.test(w.value)) module = w.value.slice(2);
    if ((w.value === "-a" || w.value === "--args") && next !== undefined) script = next;
    else if (w.value.startsWith("--args=")) script = { ...w, value: w.value.slice(7) };
  });
  if (
    script === undefined ||
    !/^(ansible\.builtin\.)?(shell|command|raw|win_shell|win_command)$/.test(module)
  )
    return undefined;
  return {
    kind: "script",
    label: "ansible",
    script: [script],
    remote: { kind: "fleet", target: args[0]?.value ?? "" },
  };
};

/** Wrapper commands by name. */
export const WRAPPERS: ReadonlyMap<string, Unwrapper> = new Map<string, Unwrapper>([
  [
    "sudo",
    prefix(
      "sudo",
      {
        shortWithValue: "ugpCUrtDRTh",
        longWithValue: [
          "user",
          "group",
          "prompt",
          "close-from",
          "other-user",
          "role",
          "type",
          "chdir",
          "chroot",
          "host",
        ],
        // `-R`/`--chroot` runs the command from another root, like a PATH the script chose.
        stopShort: "levKVR",
        stopLong: [
          "list",
          "edit",
          "validate",
          "remove-timestamp",
          "reset-timestamp",
          "version",
          "chroot",
        ],
      },
      0,
      true,
    ),
  ],
  ["doas", prefix("doas", { shortWithValue: "uC" })],
  ["pkexec", prefix("pkexec", { longWithValue: ["user"] })],
  [
    "runuser",
    prefix("runuser", {
      shortWithValue: "ugGsw",
      longWithValue: ["user", "group", "supp-group", "shell", "whitelist-environment"],
      // `-c CMD` runs CMD in a shell, as su does; the words after it are then the user's.
      stopShort: "c",
      stopLong: ["command", "session-command"],
    }),
  ],
  ["su", su],
  ["env", env],
  ["command", prefix("command", { stopShort: "vV" })],
  ["builtin", prefix("builtin", {})],
  ["exec", prefix("exec", { shortWithValue: "a" })],
  ["nice", prefix("nice", { shortWithValue: "n", longWithValue: ["adjustment"] })],
  [
    "ionice",
    prefix("ionice", {
      shortWithValue: "cnP",
      longWithValue: ["class", "classdata"],
      stopShort: "p",
      stopLong: ["pid", "pgid", "uid"],
    }),
  ],
  [
    "timeout",
    prefix("timeout", { shortWithValue: "sk", longWithValue: ["signal", "kill-after"] }, 1),
  ],
  ["nohup", prefix("nohup", {})],
  ["setsid", prefix("setsid", {})],
  [
    "stdbuf",
    prefix("stdbuf", { shortWithValue: "ioe", longWithValue: ["input", "output", "error"] }),
  ],
  // `-o FILE` writes the timing to a file (`-a`: appends); the long forms are left unwrapped,
  // and time's rule then rates it (shells.ts).
  [
    "time",
    prefixWriting(
      "time",
      { shortWithValue: "fo", longWithValue: ["format", "output"], stopLong: ["output", "append"] },
      "o",
    ),
  ],
  ["unbuffer", prefix("unbuffer", {})],
  ["chronic", prefix("chronic", {})],
  ["envdir", prefix("envdir", {}, 1)],
  [
    "xargs",
    (args) => {
      const scan = scanOptions(args, {
        shortWithValue: "adEILnPs",
        // `--eof`, `--replace` and `--max-lines` take their value only when attached (`--replace=R`).
        longWithValue: [
          "arg-file",
          "delimiter",
          "max-args",
          "max-procs",
          "max-chars",
          "process-slot-var",
        ],
      });
      const command = args.slice(scan.index);
      // xargs with no command runs `echo`. The command gets the input's words: after its own
      // (a word that may be an option: `echo -delete | xargs find /x`) or in place of the
      // replace string (`-I {}`).
      const last = command[command.length - 1];
      if (last === undefined) return undefined;
      // The input stands as a word no grammar knows, which may be an option: never a read.
      const replace = scan.short.get("I") ?? scan.short.get("i");
      const input = inputWords(last);
      const next =
        replace === undefined || replace === ""
          ? [...command, input]
          : command.map((w) => (w.value.includes(replace) ? input : w));
      return { kind: "argv", label: "xargs", next };
    },
  ],
  ["watch", watch],
  ["salt", salt("salt")],
  ["salt-ssh", salt("salt-ssh")],
  ["knife", knifeSsh],
  ["ansible", ansible],
  ["pdsh", fleet("pdsh", { shortWithValue: "wxgXlRtufmeNFo" })],
  [
    "clush",
    fleet("clush", {
      shortWithValue: "wxgXlfturoOREPc",
      longWithValue: [
        "nodes",
        "exclude",
        "group",
        "user",
        "fanout",
        "options",
        "rcopy",
        "worker",
        "topology",
      ],
    }),
  ],
  ...["pssh", "parallel-ssh"].map((name): [string, Unwrapper] => [
    name,
    fleet(name, {
      shortWithValue: "hHlpoetOxX",
      longWithValue: [
        "hosts",
        "host",
        "user",
        "par",
        "outdir",
        "errdir",
        "timeout",
        "option",
        "extra-args",
        "extra-arg",
      ],
    }),
  ]),
  ["flock", flock],
  ["eval", evalWrapper],
  ["ssh", ssh],
  ["kubectl", kubeExec("kubectl")],
  ["oc", kubeExec("oc")],
  ["k", kubeExec("kubectl")],
  ["kubecolor", kubeExec("kubectl")],
  ["docker", containerExec("docker")],
  ["podman", containerExec("podman")],
  [
    "busybox",
    (args) => (args.length > 0 ? { kind: "argv", label: "busybox", next: args } : undefined),
  ],
  ["trap", trap],
  ["alias", alias],
  ["at", at],
  ["batch", at],
  ["parallel", parallel],
  ["coproc", prefix("coproc", {})],
  // tree-sitter-bash reads `time { cmd; }` as the words `time { cmd` and a command `}`.
  ["{", prefix("{", {})],
  // `-p` attaches to a running process; `-o FILE` writes the trace to a file.
  // (`--output=F` is left unwrapped.)
  [
    "strace",
    prefixWriting(
      "strace",
      { shortWithValue: "abeEIoOpPsSuUX", stopShort: "p", stopLong: ["output"] },
      "o",
    ),
  ],
  [
    "ltrace",
    prefixWriting(
      "ltrace",
      { shortWithValue: "aeEIlnoOpsSuUwX", stopShort: "p", stopLong: ["output"] },
      "o",
    ),
  ],
  ["script", script],
  [
    "nsenter",
    prefix("nsenter", {
      shortWithValue: "tSGw",
      longWithValue: ["target", "setuid", "setgid", "wd"],
      // Another root runs that root's programs.
      stopShort: "r",
      stopLong: ["root"],
    }),
  ],
  [
    "systemd-run",
    prefix("systemd-run", {
      shortWithValue: "pMEu",
      longWithValue: [
        "unit",
        "property",
        "description",
        "slice",
        "uid",
        "gid",
        "nice",
        "working-directory",
        "setenv",
        "machine",
        "host",
        "on-active",
        "on-boot",
        "on-calendar",
        "service-type",
      ],
      // Unit properties and the environment can name any program (ExecStartPre=, LD_PRELOAD=)
      // or file (StandardOutput=file:…): the command alone is not what runs.
      stopShort: "pE",
      stopLong: ["property", "setenv", "timer-property", "socket-property", "path-property"],
    }),
  ],
  ["caffeinate", prefix("caffeinate", { shortWithValue: "tw" })],
  ["proxychains", prefix("proxychains", { shortWithValue: "f" })],
  ["proxychains4", prefix("proxychains4", { shortWithValue: "f" })],
  ["torsocks", prefix("torsocks", {})],
  ["firejail", prefix("firejail", { stopLong: ["env", "profile", "include"] })],
  [
    "xvfb-run",
    prefix("xvfb-run", {
      shortWithValue: "nsw",
      longWithValue: ["server-num", "server-args", "wait"],
      // They name files xvfb-run writes.
      stopShort: "fe",
      stopLong: ["auth-file", "error-file"],
    }),
  ],
  ["bundle", subcommand("bundle exec", ["exec"])],
  ["poetry", subcommand("poetry run", ["run"])],
  ["pipenv", subcommand("pipenv run", ["run"])],
  ["uv", subcommand("uv run", ["run"])],
  ["direnv", subcommand("direnv exec", ["exec"], 1)],
  ["ip", subcommand("ip netns exec", ["netns", "exec"], 1)],
  ...[
    "aws-vault",
    "op",
    "doppler",
    "infisical",
    "chamber",
    "dotenv",
    "env-cmd",
    "gds",
    "teleport",
    "tsh",
  ].map((name): [string, Unwrapper] => [name, afterDashes(name)]),
  ...SHELLS.map((name): [string, Unwrapper] => [name, shell(name)]),
]);

/** Names of programs that run shell text. */
export const SHELL_NAMES: ReadonlySet<string> = new Set(SHELLS);
