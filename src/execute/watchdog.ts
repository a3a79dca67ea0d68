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

function send(line: string): void {
  if (watchdog?.stdin?.writable === true) watchdog.stdin.write(`${line}\n`);
}

/** The running watchdog, started (or restarted, if something killed it) on demand. */
function ensureWatchdog(shell: string): void {
  if (alive(watchdog)) return;
  let child: ChildProcess;
  try {
    child = spawn(shell, ["-c", WATCHDOG_SCRIPT, "runbook-exec-watchdog"], {
      stdio: ["pipe", "ignore", "ignore"],
      detached: true,
      env: {},
    });
  } catch {
    return; // no shell: the namespace (or the scan) still ends the step when it ends normally
  }
  child.on("error", () => undefined);
  child.stdin?.on("error", () => undefined);
  // Neither the process nor its pipe may keep runbook-exec alive: its exit is the signal.
  child.unref();
  (child.stdin as Socket | null)?.unref();
  watchdog = child;
  for (const pgid of guarded) send(`+${pgid}`);
}

/**
 * Puts the process group `pgid` (a step's, spawned `detached`) under the watchdog until the
 * returned function is called: should runbook-exec die before that, the group is SIGKILLed.
 */
export function guardGroup(pgid: number, shell = "/bin/sh"): () => void {
  guarded.add(pgid);
  if (alive(watchdog)) send(`+${pgid}`);
  else ensureWatchdog(shell);
  return () => {
    if (!guarded.delete(pgid)) return;
    send(`-${pgid}`);
  };
}

/** The watchdog's pid, for tests; `undefined` before the first guarded step. */
export function watchdogPid(): number | undefined {
  return alive(watchdog) ? watchdog.pid : undefined;
}
