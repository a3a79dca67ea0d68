import { accessSync, constants } from "node:fs";
import type { ChildProcess, StdioNull, StdioPipe } from "node:child_process";

// A step's first process is spawned before its group can be put under the run's watchdog (the
// group's id is the new process's pid). Should runbook-exec die in between (SIGKILL, the OOM
// killer, the runner's kill after a cancel), nothing would end the step. So the first process
// is a gate: `sh` waits on descriptor 3 until runbook-exec writes `go` there, which it does only
// once the watchdog holds the group; then it restores descriptor 3 and execs the step's real
// command line (the containment wrapper or the interpreter) in the same process, so its pid,
// group and session are the ones guarded. Should runbook-exec die first, the read sees end of
// file and the gate exits: the step never ran. dash, bash and busybox sh all accept this.
const GATE_FD = 3;
const GATE_NAME = "runbook-exec-gate";
const SHELL = "/bin/sh";

/** The gate's script; `sealed`: descriptor 3 was one the tool inherited, so it ends `/dev/null`. */
function gateScript(sealed: boolean): string {
  const restore = sealed ? `exec ${GATE_FD}</dev/null` : `exec ${GATE_FD}<&-`;
  return `IFS= read -r go <&${GATE_FD} || exit 125; ${restore}; exec "$@"`;
}

let shellChecked: boolean | undefined;

/** Whether this host has the POSIX shell the gate needs (every Linux and macOS does). */
function hasShell(): boolean {
  if (shellChecked === undefined) {
    try {
      accessSync(SHELL, constants.X_OK);
      shellChecked = process.platform !== "win32";
    } catch {
      shellChecked = false;
    }
  }
  return shellChecked;
}

/** How to start a command behind the gate, or as is where there is no gate. */
export interface GatedSpawn {
  readonly file: string;
  readonly args: readonly string[];
  /** The `stdio` entries from descriptor 3 on. */
  readonly extraStdio: readonly (number | StdioNull | StdioPipe)[];
  /** True when the command waits for {@link openGate}. */
  readonly gated: boolean;
}

/**
 * The spawn of `file` with `args` behind the gate, given the `stdio` entries from descriptor 3
 * on that seal the tool's inherited descriptors (`sealedExtraStdio`).
 */
export function gatedSpawn(
  file: string,
  args: readonly string[],
  sealed: readonly (number | "ignore")[],
): GatedSpawn {
  if (!hasShell()) return { file, args, extraStdio: sealed, gated: false };
  const [first, ...rest] = sealed;
  const script = gateScript(first !== undefined && first !== "ignore");
  return {
    file: SHELL,
    args: ["-c", script, GATE_NAME, file, ...args],
    extraStdio: ["pipe", ...rest],
    gated: true,
  };
}

/** Lets a gated step run: call once its group is under the watchdog. */
export function openGate(child: ChildProcess): void {
  const gate = child.stdio[GATE_FD];
  if (gate === null || gate === undefined || !("end" in gate)) return;
  // The step may be gone already (a stop came first): its end of the pipe is closed.
  gate.on("error", () => undefined);
  gate.end("go\n");
}
