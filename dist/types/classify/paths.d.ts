/** What kind of place a file path (a redirect target, an `of=`, a `tee` file) points at. */
/** `/dev/null`, stdout, stderr, a descriptor: writing there changes nothing. */
export declare function isSink(path: string): boolean;
/** A disk or partition device (`/dev/sda1`, `/dev/nvme0n1`, `/dev/mapper/…`). */
export declare function isBlockDevice(path: string): boolean;
/** System configuration, binaries, libraries, kernel settings, or a block device. */
export declare function isSystemPath(path: string): boolean;
/**
 * A path with each `${VAR:-default}` / `${VAR:=default}` / `${VAR-default}` replaced by its
 * default, which is what runs when the variable is unset (`${DIR:-/}` is `/`).
 */
export declare function withDefaults(path: string): string;
/** A scratch location (`/tmp/…`, `$TMPDIR/…`), without `..` climbing out of it, whatever default a variable falls back to. */
export declare function isTempPath(path: string): boolean;
/**
 * A top-level data directory or one directly below it (`/data`, `/srv/app`, `/home/alice`,
 * `/var/lib`): where a recursive ownership change cuts a whole service off its data.
 */
export declare function isDataPath(path: string): boolean;
/** `/`, `~`, `$HOME`, `*`, `.`, a top-level directory: a catastrophic target for recursive tools. */
export declare function isRootLike(path: string): boolean;
