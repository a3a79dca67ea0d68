import { hasAny, hasLong, hasShort, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

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

/** Disk, partition, RAID and volume tools. */
export const diskFamilies: readonly ToolFamily[] = [disks];
