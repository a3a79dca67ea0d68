import { hasAny, hasLong, hasShort, positionals } from "../args.js";
import { syntax } from "../grammar/syntax.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

/*
 * The partition tools' grammars for their listing forms (util-linux 2.38 fdisk/sfdisk, GPT
 * fdisk 1.0 sgdisk/gdisk, GNU parted 3.5): a listing stays a read only when every other word
 * is known too, so `sgdisk -p -Z /dev/sda` (print, then zap) and `parted /dev/sda rm 1 print`
 * are not reads.
 */
const FDISK = syntax(
  "b,sector-size= !B,protect-boot c,compatibility[=] L,color[=] l,list x,list-details n,noauto-pt o,output= t,type= u,units[=] s,getsz C,cylinders= H,heads= S,sectors= !w,wipe= !W,wipe-partitions= lock[=] h,help V,version",
);
const SFDISK = syntax(
  "l,list d,dump J,json s,show-size g,show-geometry V,verify F,list-free T,list-types r,raw o,output= q,quiet X,label= color[=] lock[=] h,help v,version",
);
const SGDISK = syntax(
  "p,print i,info= v,verify O,print-mbr P,pretend D,display-alignment E,end-of-largest F,first-in-largest L,list-types V,version ?,help",
  { abbreviate: false },
);
const PARTED = syntax("s,script m,machine j,json l,list !f,fix a,align= h,help v,version", {
  operands: /^(\/\S*|print|unit|free|all|list|devices|s|B|[kMGT]i?B|%|cyl|chs|compact)$/,
});

/**
 * mdadm's query forms (mdadm 4.2, getopt_long): `--query`, `--detail`, `--examine` and their
 * display options. Every other mode or option (`--zero-superblock`, `--stop`, `--fail`,
 * `--grow`…) is unknown; `-c` names another mdadm.conf.
 */
const MDADM = syntax(
  "Q,query D,detail E,examine detail-platform X,examine-bitmap Y,export b,brief s,scan v,verbose q,quiet t,test h,help V,version !c,config=",
);

/**
 * hdparm's identification and timing reads (hdparm 9.65, its own parser, no abbreviations).
 * Most hdparm flags get a setting alone and set it when followed by a value (`-a` vs
 * `-a 256`), so none of them is listed.
 */
const HDPARM = syntax("I i g t T C H direct v h V", { abbreviate: false });

/** badblocks' read-only test: `-w`/`-n` write, `-o` writes the list of bad blocks to a file. */
const BADBLOCKS = syntax("b= c= d= e= i= p= t= s v f B X !w !n !o=", { abbreviate: false });

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
      (name === "parted" &&
        (hasShort(args, "l") || ops.includes("print")) &&
        ops.every((o) => PARTED.operands?.test(o) === true)) ||
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
  syntax: {
    fdisk: FDISK,
    sfdisk: SFDISK,
    sgdisk: SGDISK,
    gdisk: syntax("l", { maxOperands: 1 }),
    parted: PARTED,
    mdadm: MDADM,
    hdparm: HDPARM,
    badblocks: BADBLOCKS,
  },
};

/** Disk, partition, RAID and volume tools. */
export const diskFamilies: readonly ToolFamily[] = [disks];
