import { hasAny, hasShort, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";

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
    "vagrant",
    "packer",
    "cmake",
    "ninja",
    "gradle",
    "mvn",
    "rake",
    "rails",
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
    "ldapsearch",
  ],
  rule: ({ name, args }) => {
    if (name === "ldapsearch") return readOnly("read.inspect", `${code(name)} only reads`);
    if (
      (name === "ansible-playbook" || name === "ansible") &&
      (hasShort(args, "C") || hasAny(args, ["--check"]))
    )
      return modifying(
        "ansible.check",
        `${code(name, "--check")} still runs tasks marked \`check_mode: false\`, lookups and inventory scripts, so it is not a proven read`,
      );
    return unknown("command.runs-code", `${code(name)} runs code the rules cannot see`);
  },
};

/** System changers and tools that run code the rules cannot see. */
export const runnerFamilies: readonly ToolFamily[] = [scheduling, runners];
