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
  if (/\$\{\w+:?[-=]/.test(path)) return isSystemPath(withDefaults(path));
  return SYSTEM.test(path) || isBlockDevice(path);
}

/**
 * A path with each `${VAR:-default}` / `${VAR:=default}` / `${VAR-default}` replaced by its
 * default, which is what runs when the variable is unset (`${DIR:-/}` is `/`).
 */
export function withDefaults(path: string): string {
  return path.replace(/\$\{\w+:?[-=]([^}]*)\}/g, (_m, fallback: string) => fallback);
}

/** A scratch location (`/tmp/…`, `$TMPDIR/…`), without `..` climbing out of it, whatever default a variable falls back to. */
export function isTempPath(path: string): boolean {
  if (/\$\{\w+:?[-=]/.test(path)) return isTempPath(withDefaults(path));
  return TEMP.test(path) && !path.includes("..");
}

/**
 * A top-level data directory or one directly below it (`/data`, `/srv/app`, `/home/alice`,
 * `/var/lib`): where a recursive ownership change cuts a whole service off its data.
 */
export function isDataPath(path: string): boolean {
  return /^\/(data|srv|home|opt|mnt|media|var|backups?)(\/[^/]+)?\/?$/.test(withDefaults(path));
}

/** `/`, `~`, `$HOME`, `*`, `.`, a top-level directory: a catastrophic target for recursive tools. */
export function isRootLike(path: string): boolean {
  if (/\$\{\w+:?[-=]/.test(path)) return isRootLike(withDefaults(path));
  return /^(\/+|\/\*|~\/?|~\/\*|\$\{?HOME\}?\/?\*?|\*|\.\*|\.\/?|\.\.\/?|\/[^/]+\/?)$/.test(path);
}
