import { hasShort } from "../args.js";
import { code, modifying, provenBy, readOnly, type ToolFamily, unknown } from "../hit.js";

/**
 * Shells, remote shells and wrappers as they remain after the analyser unwrapped what it
 * could: `bash deploy.sh`, `ssh host` (no command), `sudo -i`, `command -v git`, `env`.
 */
const shells: ToolFamily = {
  names: ["bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish", "busybox"],
  readsProvenBy: provenBy(
    ["bash", "sh", "zsh", "dash", "ksh", "ash", "mksh", "fish", "busybox"],
    "carried-command",
  ),
  rule: ({ name, args }) => {
    // Options end at the script operand: `bash /dev/stdin -n` passes `-n` to the script.
    const first = args.findIndex((a) => !/^[-+]/.test(a) || a === "-" || a === "--");
    const options = first < 0 ? args : args.slice(0, first);
    if (
      hasShort(options, "n") &&
      !hasShort(options, "c") &&
      !options.some((a) => a.startsWith("--"))
    )
      return readOnly("shell.syntax-check", `${code(name, "-n")} only checks syntax`);
    if (args.length === 1 && (args[0] === "--version" || args[0] === "--help"))
      return readOnly("command.version", `${code(name, args[0])} only prints information`);
    const script = args.find((a) => !a.startsWith("-") && !a.startsWith("+"));
    if (script !== undefined)
      return unknown(
        "command.runs-code",
        `${code(name, script)} runs a script the rules cannot see`,
      );
    return unknown("command.interactive", `${code(name)} opens an interactive shell`);
  },
};

const remote: ToolFamily = {
  names: ["ssh", "mosh", "telnet", "sftp", "scp", "rsh"],
  readsProvenBy: provenBy(["ssh", "mosh", "telnet", "sftp", "scp", "rsh"], "carried-command"),
  rule: ({ name, args }) => {
    if (name === "scp")
      return modifying("files.write", `${code("scp")} copies files to or from another host`);
    if (
      name === "ssh" &&
      (hasShort(args, "VGQ") || args.some((a) => a === "-O" || a.startsWith("-Ocheck")))
    )
      return readOnly("ssh.read", `${code("ssh", args[0])} only prints information`);
    return unknown("ssh.interactive", `${code(name)} opens an interactive remote session`);
  },
};

const privilege: ToolFamily = {
  names: ["sudo", "su", "doas", "runuser", "pkexec", "sudoedit"],
  readsProvenBy: provenBy(
    ["sudo", "su", "doas", "runuser", "pkexec", "sudoedit"],
    "carried-command",
  ),
  rule: ({ name, args }) => {
    if (
      name === "sudo" &&
      (hasShort(args, "lvVKk") || args.includes("--list") || args.includes("--validate"))
    )
      return readOnly("sudo.read", `${code("sudo", args[0])} only checks or lists privileges`);
    if (name === "sudoedit" || (name === "sudo" && hasShort(args, "e")))
      return modifying("editor.interactive", `${code("sudoedit")} opens an editor as root`);
    return unknown(
      "command.interactive",
      `${code(name, args[0])} opens an interactive privileged shell`,
    );
  },
};

/** Wrappers left with nothing to wrap print or do nothing (`env`, `command -v git`, `exec 3>f`). */
const bareWrappers: ToolFamily = {
  readsProvenBy: provenBy(
    ["command", "env", "exec", "builtin", "nice", "time", "xargs"],
    "carried-command",
  ),
  names: [
    "command",
    "env",
    "exec",
    "builtin",
    "nice",
    "ionice",
    "timeout",
    "nohup",
    "time",
    "stdbuf",
    "xargs",
    "watch",
    "flock",
    "setsid",
    "chroot",
    "unbuffer",
    "chronic",
  ],
  rule: ({ name, args }) => {
    if (
      name === "command" ||
      name === "env" ||
      name === "exec" ||
      name === "builtin" ||
      name === "nice" ||
      (name === "time" && args.length === 0)
    )
      return readOnly("shell.builtin", `${code(name, args[0])} only prints or changes the shell`);
    if (name === "ionice" && hasShort(args, "p"))
      return modifying("system.set", `${code("ionice -p")} changes a process's I/O priority`);
    if (name === "xargs")
      return readOnly("shell.builtin", `${code("xargs")} without a command only echoes its input`);
    return unknown("command.unknown", `${code(name, ...args.slice(0, 2))} could not be unwrapped`);
  },
};

/** Shells, remote sessions and wrappers left after unwrapping. */
export const shellFamilies: readonly ToolFamily[] = [shells, remote, privilege, bareWrappers];
