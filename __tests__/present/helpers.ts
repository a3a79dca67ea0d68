import { PassThrough } from "node:stream";

/** A writable that records text and can pretend to be a terminal. */
export class Screen extends PassThrough {
  text = "";
  readonly isTTY: boolean;
  readonly columns = 60;
  constructor(isTTY: boolean) {
    super();
    this.isTTY = isTTY;
    this.on("data", (chunk: Buffer) => (this.text += chunk.toString("utf8")));
  }
}

/** Output a hostile command might print: clear screen, cursor up, OSC title, CR rewrite, C1 CSI. */
export const HOSTILE =
  "ok\u001b[2J\u001b[1A\u001b]0;pwned\u0007\rfake ✓ line\n\u009b31mred\u001b[0m\n::error::injected\n";
