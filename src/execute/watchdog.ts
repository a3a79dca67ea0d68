import { spawn, type ChildProcess } from "node:child_process";
import type { Socket } from "node:net";

// One watchdog for the whole process, shared by every step. It reads `+PGID` (a step started)
// and `-PGID` (it ended) lines, and at EOF, which comes when runbook-exec dies however it dies
// (the kernel closes the pipe even on SIGKILL or the OOM killer), SIGKILLs every group still
// listed. For a namespace the group is `unshare`'s, whose death (`--kill-child`) kills the
// namespace's first process and with it the whole namespace. One long-lived `sh` instead of a
// process per step (or a `setpriv` exec per step) keeps this off the per-step path.
const WATCHDOG_SCRIPT = [
  "set --",
  "while read -r line; do",
  "  case $line in",
  '    +*) set -- "$@" "${line#+}" ;;',
  '    -*) for pid do shift; [ "$pid" = "${line#-}" ] || set -- "$@" "$pid"; done ;;',
  "  esac",
  "done",
  'for pid do kill -KILL "-$pid" 2>/dev/null; done',
].join("\n");

let watchdog: ChildProcess | undefined;
/** Groups guarded now, so a restarted watchdog learns them again. */
const guarded = new Set<number>();

function alive(child: ChildProcess | undefined): child is ChildProcess {
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

/** Writes `line` to the watchdog; resolves once the kernel holds it (false: no watchdog took it). */
function send(line: string, to: ChildProcess | undefined = watchdog): Promise<boolean> {
  const stdin = to?.stdin;
  if (stdin?.writable !== true) return Promise.resolve(false);
  return new Promise((resolve) =>
    stdin.write(`${line}\n`, (error) => resolve(error === undefined || error === null)),
  );
}

/**
 * The running watchdog, started (or restarted, if something killed it) on demand; resolves once
 * it holds every guarded group.
 */
function ensureWatchdog(shell: string): Promise<boolean> {
  if (alive(watchdog)) return Promise.resolve(true);
  let child: ChildProcess;
  try {
    child = spawn(shell, ["-c", WATCHDOG_SCRIPT, "runbook-exec-watchdog"], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true,
      env: {},
    });
  } catch {
    // No shell: the namespace (or the scan) still ends the step when it ends normally.
    return Promise.resolve(false);
  }
  child.on("error", () => undefined);
  child.stdin?.on("error", () => undefined);
  // Neither the process nor its pipe may keep runbook-exec alive: its exit is the signal.
  child.unref();
  (child.stdin as Socket | null)?.unref();
  watchdog = child;
  return Promise.all([...guarded].map((pgid) => send(`+${pgid}`))).then((sent) =>
    sent.every(Boolean),
  );
}

/** A group under the watchdog. */
export interface GroupGuard {
  /**
   * Resolves once the watchdog holds the group (the line is in its pipe, so it is killed even if
   * runbook-exec dies the next instant), or once it is clear that no watchdog can.
   */
  readonly ready: Promise<void>;
  /** Takes the group off the watchdog: the step ended. */
  release(): void;
}

/**
 * Puts the process group `pgid` (a step's, spawned `detached`) under the watchdog until released:
 * should runbook-exec die before that, the group is SIGKILLed.
 */
export function guardGroup(pgid: number, shell = "/bin/sh"): GroupGuard {
  guarded.add(pgid);
  const current = watchdog;
  const held = alive(current)
    ? send(`+${pgid}`, current).then((taken) => {
        if (taken) return true;
        // A watchdog that died unnoticed refused the line: a new one learns every group again.
        if (watchdog === current) watchdog = undefined;
        return ensureWatchdog(shell);
      })
    : ensureWatchdog(shell);
  const ready = held.then(() => undefined);
  return {
    ready,
    release: () => {
      if (!guarded.delete(pgid)) return;
      void send(`-${pgid}`);
    },
  };
}

/** The watchdog's pid, for tests; `undefined` before the first guarded step. */
export function watchdogPid(): number | undefined {
  return alive(watchdog) ? watchdog.pid : undefined;
}
