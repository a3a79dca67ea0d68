/** What kind of place a file path (a redirect target, an `of=`, a `tee` file) points at. */

const SINKS: ReadonlySet<string> = new Set([
  "/dev/null",
  "/dev/stdout",
  "/dev/stderr",
  "/dev/tty",
  "-",
]);
const FD_PATH = /^(\/dev\/fd\/\d+|\/proc\/self\/fd\/\d+)$/;
const BLOCK_DEVICE = /^\/dev\/(sd|hd|vd|xvd|nvme|mmcblk|md\d|dm-|loop|mapper\/|disk\/|sr\d)/;
/** `/usr/local` is the administrator's own software, not the system's. */
const SYSTEM =
  /^\/(etc|boot|usr(?!\/local(\/|$))|bin|sbin|lib|lib32|lib64|var\/lib|root|proc\/sys|sys)(\/|$)/;
const TEMP = /^(\/tmp\/|\/var\/tmp\/|\/dev\/shm\/|\$\{?TMPDIR\b|\$\{?TMP\b|\$\(mktemp)/;

/** `/dev/null`, stdout, stderr, a descriptor: writing there changes nothing. */
export function isSink(path: string): boolean {
  return SINKS.has(path) || FD_PATH.test(path);
}

/** A disk or partition device (`/dev/sda1`, `/dev/nvme0n1`, `/dev/mapper/…`). */
export function isBlockDevice(path: string): boolean {
  return BLOCK_DEVICE.test(path);
}

/** System configuration, binaries, libraries, kernel settings, or a block device. */
export function isSystemPath(path: string): boolean {
  return SYSTEM.test(path) || isBlockDevice(path);
}

/** A scratch location (`/tmp/…`, `$TMPDIR/…`), without `..` climbing out of it. */
export function isTempPath(path: string): boolean {
  return TEMP.test(path) && !path.includes("..");
}

/** `/`, `~`, `$HOME`, `*`, `.`, a top-level directory: a catastrophic target for recursive tools. */
export function isRootLike(path: string): boolean {
  return /^(\/+|\/\*|~\/?|~\/\*|\$\{?HOME\}?\/?\*?|\*|\.\*|\.\/?|\.\.\/?|\/[^/]+\/?)$/.test(path);
}
