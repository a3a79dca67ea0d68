/** The part of `process.stdout` this module needs. */
interface ErrorEmitter {
  on(event: "error", listener: (error: NodeJS.ErrnoException) => void): unknown;
}

// EIO: the terminal hung up (SIGHUP); the run still records its end and exits 129.
const GONE = new Set(["EPIPE", "EIO", "ERR_STREAM_DESTROYED"]);

/**
 * When the reader of `stream` goes away (`runbook-exec validate … | head`), later writes are
 * dropped instead of crashing with a stack trace, so the command still finishes and returns its
 * real exit code. Any other write error ends the process with one line and exit code 2.
 */
export function tolerateBrokenPipe(
  stream: ErrorEmitter,
  stderr: { write(text: string): unknown },
): void {
  stream.on("error", (error) => {
    if (error.code !== undefined && GONE.has(error.code)) return;
    stderr.write(`runbook-exec: cannot write output: ${error.message}\n`);
    process.exit(2);
  });
}
