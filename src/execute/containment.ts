import { spawnSync } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import path from "node:path";

/**
 * How a step's processes are held (safety invariant 10), strongest first:
 * - `pid-namespace`: its own PID and mount namespace with a private `/proc` (needs root);
 * - `user-pid-namespace`: the same inside an unprivileged user namespace (same uid);
 * - `process-group`: the host allows neither; a process group and session, a scan for
 *   survivors, and a watchdog. The step can still see the tool through `/proc`.
 */
export const CONTAINMENT_MODES = ["pid-namespace", "user-pid-namespace", "process-group"] as const;
export type ContainmentMode = (typeof CONTAINMENT_MODES)[number];

/** A probed containment: its mode and the words put before the interpreter's command line. */
export interface Containment {
  readonly mode: ContainmentMode;
  /** Absolute program and its arguments ending in `--`; empty for `process-group`. */
  readonly prefix: readonly string[];
}

/** The fallback: no wrapper at all. */
export const PROCESS_GROUP: Containment = { mode: "process-group", prefix: [] };

// `--kill-child` gives the namespace's first process (the step) PR_SET_PDEATHSIG=SIGKILL, and
// the kernel kills every process in a PID namespace when that first process dies. `unshare`
// itself is guarded by the run's watchdog (`watchdog.ts`), so a SIGKILLed runbook-exec takes the
// whole namespace with it without a `setpriv --pdeathsig` exec in front of every step.
// `--mount-proc` stays: without a private /proc the step would see the host's, and through it
// runbook-exec's environment, descriptors and terminal (`/proc/$PPID/fd/0` for TIOCSTI,
// `/proc/$PPID/fd/1` for raw writes). Propagation stays `private` (unshare's default): on a host
// whose `/` is shared, the new /proc would otherwise be mounted over the host's own.
// `--map-current-user` (not root) keeps the step's uid and leaves it without capabilities after
// exec, so it cannot unmount the private /proc to see the host's.
const NAMESPACE_FLAGS = ["--pid", "--fork", "--mount-proc", "--kill-child"] as const;
const USER_FLAGS = ["--user", "--map-current-user"] as const;

/** The wrapper words for `mode`, given the absolute path of `unshare`. */
export function containmentPrefix(mode: ContainmentMode, unshare: string): readonly string[] {
  if (mode === "process-group") return [];
  const user = mode === "user-pid-namespace" ? USER_FLAGS : [];
  return [unshare, ...user, ...NAMESPACE_FLAGS, "--"];
}

/** The absolute path of `name` on `searchPath`, if an executable file is there. */
export function findOnPath(name: string, searchPath: string | undefined): string | undefined {
  if (name.includes("/")) return isExecutableFile(name) ? name : undefined;
  for (const dir of (searchPath ?? "").split(path.delimiter)) {
    if (dir === "") continue;
    const candidate = path.join(dir, name);
    if (isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

// The probe runs the real chain and checks that the shell is PID 1 and alone in its /proc.
const PROBE_SCRIPT = '[ "$$" = 1 ] && [ ! -e /proc/2 ]';

/**
 * Tries the namespace modes in order and returns the first that really works here, else
 * {@link PROCESS_GROUP}. The wrappers are found on the tool's own PATH, so a step's PATH
 * cannot replace them. Costs one or two short child processes.
 */
export function probeContainment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Containment {
  if (process.platform !== "linux") return PROCESS_GROUP;
  const searchPath = env["PATH"] ?? "/usr/bin:/bin";
  const unshare = findOnPath("unshare", searchPath);
  const sh = findOnPath("sh", searchPath);
  if (unshare === undefined || sh === undefined) return PROCESS_GROUP;
  for (const mode of ["pid-namespace", "user-pid-namespace"] as const) {
    const prefix = containmentPrefix(mode, unshare);
    const [file = "", ...args] = prefix;
    const probe = spawnSync(file, [...args, sh, "-c", PROBE_SCRIPT], {
      stdio: "ignore",
      env: { PATH: searchPath },
      timeout: 5_000,
    });
    if (probe.status === 0) return { mode, prefix };
  }
  return PROCESS_GROUP;
}

let hostContainmentCache: Containment | undefined;

/** {@link probeContainment}, once per process: what every step of this process uses. */
export function hostContainment(): Containment {
  hostContainmentCache ??= probeContainment();
  return hostContainmentCache;
}

/** The containment a run uses: the host's best, unless the configuration asks for the group. */
export function containmentFor(setting: "auto" | "process-group"): Containment {
  return setting === "process-group" ? PROCESS_GROUP : hostContainment();
}

/**
 * One line for the startup banner, or `undefined` when steps are fully contained. `setting`
 * says whether the configuration asked for the weaker mode or the host left no choice.
 */
export function containmentWarning(
  containment: Containment,
  setting: "auto" | "process-group",
): string | undefined {
  if (containment.mode !== "process-group") return undefined;
  const why =
    setting === "process-group"
      ? 'the configuration says `containment = "process-group"`'
      : "this host allows no PID namespace (no root, no unprivileged user namespaces, or not Linux)";
  return (
    `WARNING: ${why}: steps run in a process group only. What they leave behind is killed by ` +
    "a scan, but a step can see this tool's processes through /proc. Recorded as containment " +
    "`process-group` in the audit log."
  );
}
