import { createColors } from "picocolors";
import type { OutputStream } from "../execute/types.js";
import type { RunSummary, StepOutcome } from "../run/ports.js";
import { colorEnabled } from "./color.js";
import { escapeControlChars } from "./escape/terminal.js";
import { formatDuration } from "./format.js";
import { frameAsciiLines, type LineFrame } from "./frame-lines.js";
import { LineAssembler } from "./lines.js";

/** A step begins: its spinner line appears. */
export interface StepStartedEvent {
  readonly index: number;
  readonly total: number;
  /** The step's name or text; untrusted, escaped before printing. */
  readonly title: string;
}

/** A step ended (or was skipped or denied without running): its one-line result. */
export interface StepFinishedEvent {
  readonly index: number;
  readonly title: string;
  readonly status: StepOutcome;
  readonly durationMs: number;
  /** A few words shown in brackets, e.g. `exit 3` or `denied: timed out`. */
  readonly detail?: string;
}

/** Where the view writes and what it may assume about it. */
export interface LiveViewOptions {
  readonly stream: NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  /** For `NO_COLOR` and `TERM=dumb`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Clock for elapsed times; default `performance.now`. */
  readonly now?: () => number;
  readonly spinnerIntervalMs?: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"] as const;
const SYMBOL: Readonly<Record<StepOutcome, string>> = {
  succeeded: "✓",
  failed: "✗",
  skipped: "⊘",
  denied: "⊘",
};
const GUTTER = "  │ ";
const CLEAR_LINE = "\r\u001b[2K";
/** Stands for a line when splitting a colour into its opening and closing codes. */
const PAINT_MARK = "\u0000";

/**
 * The terminal view of a run. In `tty` mode: a spinner line with the current step and its
 * elapsed time, the step's output streaming above it, colours. In `plain` mode (not a TTY,
 * `NO_COLOR`, `TERM=dumb`): the same lines, no colour, no cursor movement, no spinner.
 * Command output is printed as data: escaped line by line behind a gutter, so it can neither
 * move the cursor nor start a line with something a log reader would obey (`::`).
 */
export class LiveView {
  readonly mode: "tty" | "plain";
  readonly #stream: LiveViewOptions["stream"];
  readonly #now: () => number;
  readonly #intervalMs: number;
  readonly #colors: ReturnType<typeof createColors>;
  readonly #gutter: string;
  /** What the colour for stderr lines puts before and after a line. */
  readonly #stderrPaint: readonly string[];
  /** Each stream's line frame, as bytes. */
  readonly #frames: Record<OutputStream, LineFrame>;
  readonly #lines: Record<OutputStream, LineAssembler> = {
    stdout: new LineAssembler(),
    stderr: new LineAssembler(),
  };
  #current: { readonly event: StepStartedEvent; readonly startedAt: number } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #frame = 0;

  constructor(options: LiveViewOptions) {
    this.#stream = options.stream;
    const isTTY = options.stream.isTTY === true;
    const color = colorEnabled({ isTTY, env: options.env });
    // Cursor movement and the spinner only where colour is on and the stream is a terminal.
    this.mode = isTTY && color ? "tty" : "plain";
    this.#colors = createColors(color);
    this.#gutter = this.#colors.dim(GUTTER);
    this.#stderrPaint = this.#colors.yellow(PAINT_MARK).split(PAINT_MARK);
    const [open = "", close = ""] = this.#stderrPaint;
    const frame = (before: string, after: string): LineFrame => ({
      before: Buffer.from(before, "utf8"),
      after: Buffer.from(after, "utf8"),
    });
    this.#frames = {
      stdout: frame(this.#gutter, "\n"),
      stderr: frame(`${this.#gutter}${open}`, `${close}\n`),
    };
    this.#now = options.now ?? (() => performance.now());
    this.#intervalMs = options.spinnerIntervalMs ?? 80;
  }

  /** Shows the step (spinner in `tty` mode, a `▶` line in `plain` mode). */
  stepStarted(event: StepStartedEvent): void {
    this.#stopSpinner();
    this.#current = { event, startedAt: this.#now() };
    if (this.mode === "plain") {
      this.#stream.write(`▶ Step ${event.index}/${event.total}: ${oneLine(event.title)}\n`);
      return;
    }
    this.#drawStatus();
    this.#timer = setInterval(() => {
      this.#frame += 1;
      this.#drawStatus();
    }, this.#intervalMs);
    this.#timer.unref();
  }

  /** A chunk of the running step's output; bytes are decoded leniently. */
  output(chunk: Uint8Array | string, stream: OutputStream): void {
    const lines = this.#lines[stream];
    const framed =
      typeof chunk === "string" && lines.empty
        ? frameAsciiLines(chunk, this.#frames[stream])
        : undefined;
    if (framed !== undefined) this.#withStatusCleared(() => this.#stream.write(framed));
    else this.#printLines(lines.push(chunk), stream);
  }

  /** Prints what is left of the output, stops the spinner and prints the ✓ / ✗ / ⊘ line. */
  stepFinished(event: StepFinishedEvent): void {
    for (const stream of ["stdout", "stderr"] as const) {
      this.#printLines(this.#lines[stream].flush(), stream);
    }
    this.#stopSpinner();
    this.#current = undefined;
    const c = this.#colors;
    const colour =
      event.status === "succeeded" ? c.green : event.status === "failed" ? c.red : c.yellow;
    const detail = event.detail === undefined ? "" : `${oneLine(event.detail)}, `;
    const what =
      event.status === "succeeded" || event.status === "failed" ? "" : `${event.status}, `;
    const tail = c.dim(`(${what}${detail}${formatDuration(event.durationMs)})`);
    this.#stream.write(
      `${colour(SYMBOL[event.status])} ${event.index}. ${oneLine(event.title)} ${tail}\n`,
    );
  }

  /** A line from the engine (e.g. the audit head after a step), printed above the spinner. */
  note(text: string): void {
    this.#withStatusCleared(() => this.#stream.write(`${oneLine(text)}\n`));
  }

  /** The final table: counts, duration, audit log path and head. */
  summary(summary: RunSummary): void {
    this.#stopSpinner();
    const c = this.#colors;
    const { counts } = summary;
    const rows: [string, string][] = [
      ["succeeded", c.green(String(counts.succeeded))],
      ["failed", (counts.failed > 0 ? c.red : String)(String(counts.failed))],
      ["skipped", String(counts.skipped)],
      ["denied", (counts.denied > 0 ? c.yellow : String)(String(counts.denied))],
      ["duration", formatDuration(summary.durationMs)],
      ["audit log", oneLine(summary.auditLogPath)],
      ["audit head", `${summary.head.seq}:${oneLine(summary.head.hash)}`],
    ];
    const body = rows.map(([label, value]) => `  ${label.padEnd(10)} ${value}`).join("\n");
    this.#stream.write(`\n${c.bold("Run summary")}\n${body}\n`);
  }

  /** Stops the spinner; call on every exit path. */
  close(): void {
    this.#stopSpinner();
  }

  /** Prints a block of escaped lines (joined by `\n`), each behind the gutter. */
  #printLines(block: string | undefined, stream: OutputStream): void {
    if (block === undefined) return;
    // Each line is `gutter + open + line + close + \n`; one replace builds them all at once.
    const [open = "", close = ""] = stream === "stderr" ? this.#stderrPaint : ["", ""];
    const before = `${this.#gutter}${open}`;
    const after = `${close}\n`;
    // The gutter's `│` would make the text two bytes a character and its encoding the slowest
    // part of printing (bench/run): ASCII output is framed as its UTF-8 bytes instead, the same
    // bytes, each held in one character (`latin1`).
    const data =
      Buffer.byteLength(block, "utf8") === block.length
        ? Buffer.from(framed(block, asBytes(before), asBytes(after)), "latin1")
        : framed(block, before, after);
    this.#withStatusCleared(() => this.#stream.write(data));
  }

  #withStatusCleared(write: () => void): void {
    const spinning = this.#timer !== undefined;
    if (spinning) this.#stream.write(CLEAR_LINE);
    write();
    if (spinning) this.#drawStatus();
  }

  #drawStatus(): void {
    if (this.#current === undefined) return;
    const { event, startedAt } = this.#current;
    const spinner = SPINNER[this.#frame % SPINNER.length] ?? "";
    const elapsed = formatDuration(this.#now() - startedAt);
    const line = `${spinner} Step ${event.index}/${event.total}: ${oneLine(event.title)}`;
    const columns = this.#stream.columns ?? 0;
    const width = Math.max(20, (columns > 0 ? columns : 80) - elapsed.length - 3);
    const fitted = line.length > width ? `${line.slice(0, width - 1)}…` : line;
    this.#stream.write(`${CLEAR_LINE}${this.#colors.cyan(fitted)} ${this.#colors.dim(elapsed)}`);
  }

  #stopSpinner(): void {
    if (this.#timer === undefined) return;
    clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stream.write(CLEAR_LINE);
  }
}

/** Every line of `block` between `before` and `after`. */
function framed(block: string, before: string, after: string): string {
  return `${before}${block.replaceAll("\n", `${after}${before}`)}${after}`;
}

/** The UTF-8 bytes of `text`, one character each. */
function asBytes(text: string): string {
  return Buffer.from(text, "utf8").toString("latin1");
}

function oneLine(text: string): string {
  return escapeControlChars(text, "visible").replaceAll("\n", " ");
}
