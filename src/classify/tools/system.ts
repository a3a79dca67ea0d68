import { hasAny, hasLong, hasShort, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";

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

const systemctl: ToolFamily = {
  names: ["systemctl"],
  rule: ({ args }) => {
    const verb =
      positionals(args, {
        short: "HMpnstoP",
        long: ["host", "machine", "property", "lines", "type", "state", "output", "signal", "root"],
      })[0] ?? "list-units";
    if (SYSTEMCTL_READ.has(verb) || verb.startsWith("list-"))
      return readOnly("systemctl.read", `${code("systemctl", verb)} only shows unit state`);
    if (SYSTEMCTL_DESTRUCTIVE.has(verb))
      return destructive(
        "systemctl.power",
        `${code("systemctl", verb)} takes the whole machine down`,
      );
    return modifying("systemctl.change", `${code("systemctl", verb)} changes service state`);
  },
};

const service: ToolFamily = {
  names: ["service", "rc-service", "invoke-rc.d"],
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
  rule: ({ name, args }) => {
    if (name === "kill" && hasAny(args, ["-l", "-L", "--list"]))
      return readOnly("kill.list", `${code("kill -l")} lists signals`);
    if (
      name === "killall5" ||
      (name === "kill" && positionals(args, { short: "sn" }).includes("-1")) ||
      args.includes("-1")
    )
      return destructive("kill.all", `${code(name)} signals every process`);
    if (name === "kill" && hasAny(args, ["-0"]))
      return readOnly("kill.probe", `${code("kill -0")} only checks that a process exists`);
    return modifying("kill.signal", `${code(name)} signals or stops processes`);
  },
};

const crontab: ToolFamily = {
  names: ["crontab"],
  rule: ({ args }) => {
    if (hasShort(args, "r"))
      return destructive("crontab.remove", `${code("crontab -r")} deletes the crontab`);
    if (hasShort(args, "l"))
      return readOnly("crontab.list", `${code("crontab -l")} prints the crontab`);
    return modifying("crontab.change", `${code("crontab")} replaces or edits the crontab`);
  },
};

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
      (name === "sysctl" && (hasShort(args, "wp") || args.some((a) => a.includes("=")))) ||
      (name === "hostname" && ops.length > 0 && !hasShort(args, "fsidaAIy")) ||
      (name === "date" && (hasShort(args, "s") || hasLong(args, ["set"]))) ||
      (["timedatectl", "hostnamectl", "localectl"].includes(name) &&
        ops.some((o) => o.startsWith("set-"))) ||
      (name === "ifconfig" && ops.length > 1) ||
      ((name === "mount" || name === "swapon") && ops.length > 0 && !hasShort(args, "ls")) ||
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
        hasLong(args, ["rotate", "flush", "sync", "relinquish-var", "setup-keys"])) ||
      (name === "auditctl" && !hasShort(args, "ls")) ||
      (name === "chronyc" &&
        ops.some((o) => /^(makestep|burst|settime|offline|online|reload)/.test(o))) ||
      (name === "ipvsadm" && !hasShort(args, "Ll"));
    if (name === "journalctl" && hasLong(args, ["vacuum-size", "vacuum-time", "vacuum-files"]))
      return destructive(
        "journalctl.vacuum",
        `${code("journalctl --vacuum-*")} deletes archived logs`,
      );
    if (sets) return modifying("system.set", `${code(name, ops[0])} changes system settings`);
    return readOnly("read.inspect", `${code(name)} only shows system state`);
  },
};

const umount: ToolFamily = {
  names: ["umount", "swapoff", "eject"],
  rule: ({ name }) => modifying("system.unmount", `${code(name)} detaches a filesystem or device`),
};

const disks: ToolFamily = {
  names: [
    "mkfs",
    "mke2fs",
    "mkswap",
    "wipefs",
    "blkdiscard",
    "sgdisk",
    "sfdisk",
    "fdisk",
    "gdisk",
    "parted",
    "cfdisk",
    "mdadm",
    "cryptsetup",
    "pvremove",
    "vgremove",
    "lvremove",
    "zpool",
    "zfs",
    "badblocks",
    "hdparm",
    "nvme",
  ],
  rule: ({ name, args }) => {
    const ops = positionals(args);
    const reads =
      ((name === "fdisk" || name === "sfdisk" || name === "gdisk" || name === "sgdisk") &&
        hasShort(args, "lpd")) ||
      (name === "parted" && (hasShort(args, "l") || ops.includes("print"))) ||
      (name === "mdadm" && hasAny(args, ["--detail", "-D", "--examine", "-E", "--query", "-Q"])) ||
      ((name === "zpool" || name === "zfs") &&
        /^(list|status|get|iostat|history|events)$/.test(ops[0] ?? "list")) ||
      (name === "cryptsetup" && /^(status|luksDump|isLuks)$/.test(ops[0] ?? "")) ||
      (name === "nvme" && /^(list|smart-log|id-ctrl|id-ns|error-log)$/.test(ops[0] ?? "")) ||
      (name === "badblocks" && !hasShort(args, "wn")) ||
      (name === "hdparm" &&
        !hasShort(args, "WSyYzsBM") &&
        !hasLong(args, ["security-erase", "security-erase-enhanced", "trim-sector-ranges"]));
    if (reads) return readOnly("disk.read", `${code(name, ops[0])} only reads disk metadata`);
    if (
      (name === "zfs" || name === "zpool") &&
      !/^(destroy|rollback|remove|detach|labelclear|split)$/.test(ops[0] ?? "")
    )
      return modifying("disk.change", `${code(name, ops[0])} changes storage configuration`);
    return destructive("disk.format", `${code(name)} rewrites disks, partitions or volumes`);
  },
};

const network: ToolFamily = {
  names: [
    "ip",
    "iptables",
    "ip6tables",
    "nft",
    "ufw",
    "firewall-cmd",
    "route",
    "tc",
    "brctl",
    "iw",
  ],
  rule: ({ name, args }) => {
    const ops = positionals(args, { short: "tn" });
    if (name === "ip") {
      const verb = ops.find(
        (o, i) =>
          i > 0 &&
          /^(add|del|delete|change|replace|set|flush|append|prepend|link|up|down)$/.test(o),
      );
      if (verb === "flush")
        return destructive("network.flush", `${code("ip … flush")} removes every address or route`);
      return verb === undefined
        ? readOnly("network.read", `${code("ip", ops[0])} only shows network state`)
        : modifying("network.change", `${code("ip", ops[0], verb)} changes network configuration`);
    }
    if (name === "iptables" || name === "ip6tables") {
      if (hasShort(args, "FX") || hasLong(args, ["flush", "delete-chain"]))
        return destructive("network.flush", `${code(name, "-F")} deletes firewall rules`);
      if (hasShort(args, "LS") || hasLong(args, ["list", "list-rules"]))
        return readOnly("network.read", `${code(name, "-L")} lists firewall rules`);
      return modifying("network.change", `${code(name)} changes firewall rules`);
    }
    if (name === "nft") {
      if (ops[0] === "flush" || ops[0] === "delete")
        return destructive("network.flush", `${code("nft", ops[0])} deletes firewall rules`);
      return ops[0] === "list" || ops.length === 0
        ? readOnly("network.read", `${code("nft list")} lists firewall rules`)
        : modifying("network.change", `${code("nft", ops[0])} changes firewall rules`);
    }
    if (name === "ufw" && (ops[0] === "status" || ops[0] === "show" || ops[0] === "app"))
      return readOnly("network.read", `${code("ufw", ops[0])} shows firewall state`);
    if (name === "ufw" && ops[0] === "reset")
      return destructive("network.flush", `${code("ufw reset")} deletes firewall rules`);
    if (
      name === "firewall-cmd" &&
      args.every((a) => /^--(get|list|query|state)/.test(a) || !a.startsWith("--"))
    )
      return readOnly("network.read", `${code("firewall-cmd --list")} shows firewall state`);
    if (
      ((name === "route" || name === "iw" || name === "brctl" || name === "tc") &&
        !ops.some((o) =>
          /^(add|del|delete|change|replace|set|addbr|delbr|addif|delif|qdisc)$/.test(o),
        )) ||
      (name === "tc" && ops[1] === "show")
    )
      return readOnly("network.read", `${code(name)} shows network state`);
    return modifying("network.change", `${code(name, ops[0])} changes network configuration`);
  },
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
  names: ["vi", "vim", "nvim", "nano", "emacs", "ed", "pico", "joe", "mcedit", "sudoedit"],
  rule: ({ name }) =>
    modifying("editor.interactive", `${code(name)} opens an editor that can change files`),
};

const scheduling: ToolFamily = {
  names: [
    "at",
    "batch",
    "atrm",
    "systemd-run",
    "nsenter",
    "unshare",
    "chrt",
    "renice",
    "taskset",
    "modprobe",
    "insmod",
    "rmmod",
    "kexec",
    "setenforce",
    "sync",
    "fstrim",
    "e2fsck",
    "fsck",
    "xfs_repair",
    "resize2fs",
    "xfs_growfs",
    "growpart",
    "tune2fs",
    "lvextend",
    "lvresize",
    "lvcreate",
    "vgextend",
    "pvcreate",
    "vgcreate",
    "certbot",
    "update-ca-certificates",
    "update-grub",
    "grub-install",
    "dracut",
    "mkinitramfs",
    "depmod",
    "semanage",
    "setsebool",
    "restorecon",
    "chcon",
    "ldapmodify",
    "ldapadd",
    "ldapdelete",
  ],
  rule: ({ name, args }) => {
    if (
      name === "lvresize" &&
      positionals(args, { short: "Ln" }).length > 0 &&
      args.some((a) => /^-L-|^--size=-|^-l-/.test(a))
    )
      return destructive("disk.shrink", `${code(name)} shrinks a volume, which can lose data`);
    if (name === "ldapdelete")
      return destructive("ldap.delete", `${code(name)} deletes directory entries`);
    if ((name === "fsck" || name === "e2fsck" || name === "xfs_repair") && hasShort(args, "n"))
      return readOnly("disk.read", `${code(name, "-n")} only checks`);
    if (name === "certbot" && /^(certificates|--version)$/.test(args[0] ?? ""))
      return readOnly("read.inspect", `${code("certbot certificates")} lists certificates`);
    return modifying("system.change", `${code(name)} changes system state`);
  },
};

/** Commands that run whatever file or program they are given: the rules cannot see inside. */
const runners: ToolFamily = {
  names: [
    "source",
    ".",
    "make",
    "just",
    "task",
    "ansible-playbook",
    "ansible",
    "salt",
    "salt-call",
    "puppet",
    "chef-client",
    "knife",
    "vagrant",
    "packer",
    "cmake",
    "ninja",
    "gradle",
    "mvn",
    "rake",
    "bundle",
    "npx",
    "bunx",
    "pnpx",
    "deno",
    "bun",
    "java",
    "dotnet",
    "Rscript",
    "lua",
    "tclsh",
    "expect",
    "osascript",
    "script",
    "tmux",
    "screen",
    "parallel",
    "ansible-vault",
    "sops",
    "vault",
    "consul",
    "nomad",
    "etcdctl",
    "ldapsearch",
  ],
  rule: ({ name, args }) => {
    const ops = positionals(args);
    const verb = ops[0] ?? "";
    if (
      (name === "vault" &&
        /^(read|list|status|version|kv)$/.test(verb) &&
        !/^(put|delete|destroy|patch|metadata)$/.test(ops[1] ?? "")) ||
      (name === "consul" && /^(members|info|catalog|version)$/.test(verb)) ||
      (name === "nomad" &&
        /^(status|version|node|job)$/.test(verb) &&
        /^(status|inspect|history|)$/.test(ops[1] ?? "")) ||
      (name === "etcdctl" &&
        /^(get|member|endpoint|version|watch|check)$/.test(verb) &&
        !/^(remove|add|update)$/.test(ops[1] ?? "")) ||
      name === "ldapsearch" ||
      (name === "ansible" && hasAny(args, ["--list-hosts", "--version"])) ||
      (name === "sops" && hasShort(args, "d") && !hasShort(args, "i"))
    )
      return readOnly("read.inspect", `${code(name, verb)} only reads`);
    if (
      (name === "vault" &&
        (/^(delete|destroy)$/.test(verb) || /^(delete|destroy|metadata)$/.test(ops[1] ?? ""))) ||
      (name === "etcdctl" && /^(del|defrag)$/.test(verb)) ||
      (name === "consul" && ops[1] === "delete")
    )
      return destructive("kv.delete", `${code(name, verb)} deletes stored data`);
    if ((name === "ansible-playbook" || name === "ansible") && hasShort(args, "C"))
      return readOnly("ansible.check", `${code(name, "--check")} only reports what would change`);
    return unknown("command.runs-code", `${code(name)} runs code the rules cannot see`);
  },
};

export const systemFamilies: readonly ToolFamily[] = [
  systemctl,
  service,
  power,
  kill,
  crontab,
  getOrSet,
  umount,
  disks,
  network,
  users,
  editors,
  scheduling,
  runners,
];
