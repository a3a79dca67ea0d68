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
      (name === "etcdctl" && /^(del|compact|snapshot restore)$/.test(verb)) ||
      (name === "consul" && ops[1] === "delete")
    )
      return destructive("kv.delete", `${code(name, verb)} deletes stored data`);
    if (name === "etcdctl" && verb === "defrag")
      return modifying(
        "etcdctl.defrag",
        `${code("etcdctl defrag")} compacts the store in place (no data is deleted)`,
      );
    if ((name === "ansible-playbook" || name === "ansible") && hasShort(args, "C"))
      return readOnly("ansible.check", `${code(name, "--check")} only reports what would change`);
    return unknown("command.runs-code", `${code(name)} runs code the rules cannot see`);
  },
};

/** System changers and tools that run code the rules cannot see. */
export const runnerFamilies: readonly ToolFamily[] = [scheduling, runners];
