import { hasAny, hasLong, hasShort, positionals } from "../args.js";
import { hasOption, parseArgs } from "../grammar/parse.js";
import { syntax } from "../grammar/syntax.js";
import {
  ARP,
  AUDITCTL,
  CHRONYC,
  NTPQ,
  RESOLVECTL,
  TCPDUMP,
  HOSTNAMECTL,
  IPVSADM,
  LOCALECTL,
  LOGINCTL,
  NETWORKCTL,
  TIMEDATECTL,
  DMESG,
  HOSTNAME,
  IFCONFIG,
  JOURNALCTL,
  MOUNT,
  SWAPON,
  SYSCTL,
  SYSTEMCTL,
  TOP,
} from "./system-syntax.js";
import { ETHTOOL } from "./network-syntax.js";
import { AMTOOL } from "./server-admin-syntax.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

const SYSTEMCTL_READ = new Set([
  "status",
  "show",
  "cat",
  "list-units",
  "list-unit-files",
  "list-sockets",
  "list-timers",
  "list-jobs",
  "list-dependencies",
  "list-machines",
  "is-active",
  "is-enabled",
  "is-failed",
  "is-system-running",
  "get-default",
  "show-environment",
  "help",
  "--version",
  "version",
]);
const SYSTEMCTL_DESTRUCTIVE = new Set([
  "reboot",
  "poweroff",
  "halt",
  "kexec",
  "emergency",
  "rescue",
  "soft-reboot",
]);

/** Units whose stop, mask or isolation cuts remote access or networking. */
const ACCESS_UNIT =
  /^(ssh|sshd|openssh-server|dropbear|network|networking|NetworkManager|systemd-networkd|systemd-resolved|wpa_supplicant|dbus|systemd-logind|getty@|serial-getty@|tailscaled|wg-quick@|rescue|emergency)/;

const systemctl: ToolFamily = {
  names: ["systemctl"],
  rule: ({ args }) => {
    const parsed = parseArgs(args, SYSTEMCTL);
    const verb = parsed.operands[0] ?? "list-units";
    const units = parsed.operands.slice(1);
    if (SYSTEMCTL_READ.has(verb) || verb.startsWith("list-"))
      return readOnly("systemctl.read", `${code("systemctl", verb)} only shows unit state`);
    if (SYSTEMCTL_DESTRUCTIVE.has(verb))
      return destructive(
        "systemctl.power",
        `${code("systemctl", verb)} takes the whole machine down`,
      );
    if (verb === "isolate")
      return destructive(
        "systemctl.isolate",
        `${code("systemctl isolate", units[0])} stops every unit the target does not need`,
      );
    const access = units.find((u) => ACCESS_UNIT.test(u));
    if (
      /^(stop|mask|kill|disable|try-restart|freeze)$/.test(verb) &&
      access !== undefined &&
      !(verb === "disable" && !hasOption(parsed, "now"))
    )
      return destructive(
        "systemctl.cut-access",
        `${code("systemctl", verb, access)} stops remote access or networking`,
      );
    return modifying("systemctl.change", `${code("systemctl", verb)} changes service state`);
  },
  syntax: { systemctl: SYSTEMCTL },
};

const service: ToolFamily = {
  names: ["service", "rc-service", "invoke-rc.d"],
  // A status read is `NAME status` (or `--status-all`), and nothing more.
  syntax: {
    service: syntax("status-all", { maxOperands: 2 }),
    "rc-service": syntax("", { maxOperands: 2 }),
    "invoke-rc.d": syntax("", { maxOperands: 2 }),
  },
  rule: ({ name, args }) => {
    const action = args[1] ?? args[0] ?? "";
    if (action === "status" || args.includes("--status-all"))
      return readOnly("service.status", `${code(name, "… status")} only shows service state`);
    return modifying("service.change", `${code(name, "…", action)} changes service state`);
  },
};

const power: ToolFamily = {
  names: ["reboot", "shutdown", "poweroff", "halt", "init", "telinit"],
  rule: ({ name, args }) =>
    name === "shutdown" && hasShort(args, "c")
      ? modifying("power.cancel", `${code("shutdown -c")} cancels a shutdown`)
      : destructive("power.off", `${code(name)} reboots or powers off the machine`),
};

const kill: ToolFamily = {
  names: ["kill", "pkill", "killall", "killall5", "skill", "xkill"],
  // Its reads: `kill -l [SIGNAL]`, `kill -L`, `kill -0 PID…` (bash's and procps' kill).
  syntax: { kill: syntax("l,list[=] L,table 0") },
  rule: ({ name, args }) => {
    if (name === "kill" && hasAny(args, ["-l", "-L", "--list"]))
      return readOnly("kill.list", `${code("kill -l")} lists signals`);
    if (
      name === "killall5" ||
      (name === "kill" && positionals(args, { short: "sn" }).includes("-1")) ||
      args.includes("-1")
    )
      return destructive("kill.all", `${code(name)} signals every process`);
    const pids = name === "kill" ? positionals(args, { short: "sn" }) : [];
    if (pids.includes("1") || pids.includes("-1"))
      return destructive(
        "kill.init",
        `${code("kill", "1")} signals init (PID 1) or every process, which takes the machine down`,
      );
    if (
      (name === "pkill" || name === "killall") &&
      positionals(args, { short: "sugtPUGF" }).some((p) =>
        /^(init|systemd|sshd|sshd-session|dbus-daemon|systemd-journald)$/.test(p),
      )
    )
      return destructive(
        "kill.init",
        `${code(name)} signals a process the machine or remote access depends on`,
      );
    if (name === "kill" && hasAny(args, ["-0"]))
      return readOnly("kill.probe", `${code("kill -0")} only checks that a process exists`);
    return modifying("kill.signal", `${code(name)} signals or stops processes`);
  },
};

const crontab: ToolFamily = {
  names: ["crontab"],
  // Its read: `crontab [-u USER] -l`.
  syntax: { crontab: syntax("l u=", { maxOperands: 0 }) },
  rule: ({ args }) => {
    if (hasShort(args, "r"))
      return destructive("crontab.remove", `${code("crontab -r")} deletes the crontab`);
    if (hasShort(args, "l"))
      return readOnly("crontab.list", `${code("crontab -l")} prints the crontab`);
    const file = positionals(args, { short: "usc" })[0];
    if (file !== undefined && !hasShort(args, "e"))
      return destructive(
        "crontab.replace",
        `${code("crontab", file)} replaces the whole crontab with ${code(file)}`,
      );
    return modifying("crontab.change", `${code("crontab")} replaces or edits the crontab`);
  },
};

const DATE = syntax(
  "d,date= debug f,file= I,iso-8601[=] resolution R,rfc-email rfc-3339= r,reference= !s,set= u,utc,universal help version",
);

/** Tools that only read unless given a value to set. */
const getOrSet: ToolFamily = {
  names: [
    "sysctl",
    "hostname",
    "date",
    "timedatectl",
    "hostnamectl",
    "localectl",
    "ifconfig",
    "mount",
    "swapon",
    "ulimit",
    "loginctl",
    "networkctl",
    "resolvectl",
    "nmcli",
    "tcpdump",
    "dmesg",
    "top",
    "htop",
    "journalctl",
    "auditctl",
    "chronyc",
    "ntpq",
    "ipvsadm",
  ],
  rule: ({ name, args }) => {
    const ops = positionals(args);
    const sets =
      (name === "sysctl" &&
        (hasShort(args, "wp") ||
          hasLong(args, ["system", "load", "write"]) ||
          args.some((a) => a.includes("=")))) ||
      (name === "hostname" && ops.length > 0 && !hasShort(args, "fsidaAIy")) ||
      (name === "date" &&
        (hasOption(parseArgs(args, DATE), "set") ||
          parseArgs(args, DATE).operands.some((o) => !o.startsWith("+")))) ||
      (["timedatectl", "hostnamectl", "localectl"].includes(name) &&
        ops.some((o) => o.startsWith("set-"))) ||
      (name === "ifconfig" && ops.length > 1) ||
      ((name === "mount" || name === "swapon") &&
        (ops.length > 0 || hasShort(args, "a")) &&
        !hasShort(args, "ls")) ||
      (name === "loginctl" && ops.some((o) => /^(terminate|kill|lock|enable|disable)/.test(o))) ||
      (name === "networkctl" &&
        ops.some((o) => /^(up|down|reload|reconfigure|renew|forcerenew|delete)$/.test(o))) ||
      (name === "nmcli" &&
        ops.some((o) =>
          /^(up|down|delete|modify|add|connect|disconnect|reload|on|off)$/.test(o),
        )) ||
      (name === "tcpdump" && hasShort(args, "w")) ||
      (name === "dmesg" && (hasShort(args, "cCDE") || hasLong(args, ["clear", "read-clear"]))) ||
      (name === "journalctl" &&
        [
          "rotate",
          "flush",
          "sync",
          "relinquish-var",
          "smart-relinquish-var",
          "setup-keys",
          "update-catalog",
        ].some((o) => hasOption(parseArgs(args, JOURNALCTL), o))) ||
      (name === "auditctl" && !hasShort(args, "ls")) ||
      (name === "chronyc" &&
        ops.some((o) => /^(makestep|burst|settime|offline|online|reload)/.test(o))) ||
      (name === "ipvsadm" && !hasShort(args, "Ll"));
    if (
      name === "journalctl" &&
      ["vacuum-size", "vacuum-time", "vacuum-files"].some((o) =>
        hasOption(parseArgs(args, JOURNALCTL), o),
      )
    )
      return destructive(
        "journalctl.vacuum",
        `${code("journalctl --vacuum-*")} deletes archived logs`,
      );
    if (sets) return modifying("system.set", `${code(name, ops[0])} changes system settings`);
    return readOnly("read.inspect", `${code(name)} only shows system state`);
  },
  syntax: {
    journalctl: JOURNALCTL,
    date: DATE,
    dmesg: DMESG,
    sysctl: SYSCTL,
    hostname: HOSTNAME,
    mount: MOUNT,
    swapon: SWAPON,
    top: TOP,
    ifconfig: IFCONFIG,
    timedatectl: TIMEDATECTL,
    hostnamectl: HOSTNAMECTL,
    localectl: LOCALECTL,
    loginctl: LOGINCTL,
    networkctl: NETWORKCTL,
    auditctl: AUDITCTL,
    ipvsadm: IPVSADM,
    resolvectl: RESOLVECTL,
    ntpq: NTPQ,
    chronyc: CHRONYC,
    tcpdump: TCPDUMP,
  },
};

const umount: ToolFamily = {
  names: ["umount", "swapoff", "eject"],
  rule: ({ name }) => modifying("system.unmount", `${code(name)} detaches a filesystem or device`),
};

const users: ToolFamily = {
  names: [
    "useradd",
    "usermod",
    "groupadd",
    "groupmod",
    "passwd",
    "chpasswd",
    "gpasswd",
    "adduser",
    "addgroup",
    "chage",
    "userdel",
    "groupdel",
    "deluser",
    "delgroup",
  ],
  rule: ({ name, args }) => {
    if (/^(userdel|groupdel|deluser|delgroup)$/.test(name))
      return destructive("users.delete", `${code(name)} deletes an account`);
    if ((name === "chage" && hasShort(args, "l")) || (name === "passwd" && hasShort(args, "S")))
      return readOnly("users.read", `${code(name)} shows account details`);
    return modifying("users.change", `${code(name)} changes accounts`);
  },
};

const editors: ToolFamily = {
  names: ["vi", "vim", "nvim", "nano", "emacs", "ed", "pico", "joe", "mcedit"],
  rule: ({ name }) =>
    modifying("editor.interactive", `${code(name)} opens an editor that can change files`),
};

/** Services, processes, power, cron, users and system settings. */
/** Inspection tools that also have setters: they read unless given a setting flag or operand. */
const readUnlessSet: ToolFamily = {
  names: ["ethtool", "arp", "nvidia-smi", "kubectx", "kubens", "amtool"],
  syntax: { arp: ARP, ethtool: ETHTOOL, amtool: AMTOOL },
  rule: ({ name, args }) => {
    const ops = positionals(args, { short: "io" });
    const sets =
      (name === "ethtool" && hasShort(args, "sKGACLrEeUNXfpPW")) ||
      (name === "arp" && hasShort(args, "dsf")) ||
      (name === "nvidia-smi" &&
        (hasShort(args, "r") ||
          args.some((a) =>
            /^--?(pm|pl|ac|rac|rgc|lgc|e|c|persistence-mode|power-limit|applications-clocks|reset-applications-clocks|gpu-reset|compute-mode|ecc-config|lock-gpu-clocks|reset-gpu-clocks)\b/.test(
              a,
            ),
          ))) ||
      ((name === "kubectx" || name === "kubens") && ops.length > 0 && !hasShort(args, "c")) ||
      (name === "amtool" &&
        ops.some(
          (o, i) =>
            (o === "silence" || o === "alert") && /^(add|expire|import)$/.test(ops[i + 1] ?? ""),
        ));
    if (sets) return modifying("system.set", `${code(name, args[0])} changes settings or state`);
    return readOnly("read.inspect", `${code(name)} only shows state`);
  },
};

/** Interactive consoles (k9s and the like) can delete or edit anything. */
const consoles: ToolFamily = {
  names: ["k9s", "lazydocker", "ctop"],
  rule: ({ name }) =>
    modifying(
      "editor.interactive",
      `${code(name)} opens an interactive console that can change or delete things`,
    ),
};

export const systemFamilies: readonly ToolFamily[] = [
  readUnlessSet,
  consoles,
  systemctl,
  service,
  power,
  kill,
  crontab,
  getOrSet,
  umount,
  users,
  editors,
];
