/**
 * Keeps the first and the last `cap` bytes of a stream and counts every byte, so memory stays
 * bounded however much a step prints. The tail holds only bytes after the head (no overlap).
 * Storage is taken when output first needs it, uninitialised (only written bytes are ever
 * read): most scripts print little or nothing, and zeroing 4 × 64 KiB for each of them was a
 * measurable part of a step's cost.
 */
export class HeadTailBuffer {
  readonly #cap: number;
  #head: Buffer = EMPTY;
  #headLength = 0;
  #ring: Buffer = EMPTY;
  /** Next write position in the ring. */
  #ringEnd = 0;
  #tailLength = 0;
  #bytes = 0;

  constructor(cap: number) {
    if (!Number.isInteger(cap) || cap < 4)
      throw new RangeError(`cap must be an integer >= 4, got ${cap}`);
    this.#cap = cap;
  }

  /** Total bytes pushed. */
  get bytes(): number {
    return this.#bytes;
  }

  /** True when bytes between head and tail were dropped. */
  get truncated(): boolean {
    return this.#bytes > this.#headLength + this.#tailLength;
  }

  push(chunk: Uint8Array): void {
    this.#bytes += chunk.length;
    let rest = chunk;
    if (this.#headLength < this.#cap) {
      if (this.#head === EMPTY) this.#head = Buffer.allocUnsafe(this.#cap);
      const taken = Math.min(this.#cap - this.#headLength, rest.length);
      this.#head.set(rest.subarray(0, taken), this.#headLength);
      this.#headLength += taken;
      rest = rest.subarray(taken);
    }
    if (rest.length === 0) return;
    if (this.#ring === EMPTY) this.#ring = Buffer.allocUnsafe(this.#cap);
    if (rest.length >= this.#cap) {
      this.#ring.set(rest.subarray(rest.length - this.#cap), 0);
      this.#ringEnd = 0;
      this.#tailLength = this.#cap;
      return;
    }
    const first = Math.min(this.#cap - this.#ringEnd, rest.length);
    this.#ring.set(rest.subarray(0, first), this.#ringEnd);
    this.#ring.set(rest.subarray(first), 0);
    this.#ringEnd = (this.#ringEnd + rest.length) % this.#cap;
    this.#tailLength = Math.min(this.#cap, this.#tailLength + rest.length);
  }

  /**
   * Head and tail as text. Decoding is lenient (invalid UTF-8 becomes U+FFFD, never an error)
   * and keeps a byte-order mark as data. Where bytes were dropped, both sides are cut at
   * character boundaries; otherwise a character split between head and tail is kept whole.
   */
  text(): { head: string; tail: string } {
    const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: true });
    const head = this.#head.subarray(0, this.#headLength);
    if (this.#tailLength === 0) return { head: decoder.decode(head), tail: "" };
    const headText = decoder.decode(head, { stream: true });
    const tail = this.#tailBytes();
    if (!this.truncated) return { head: headText, tail: decoder.decode(tail) };
    return {
      head: headText,
      tail: new TextDecoder("utf-8", { ignoreBOM: true }).decode(skipContinuation(tail)),
    };
  }

  #tailBytes(): Buffer {
    if (this.#tailLength < this.#cap) return this.#ring.subarray(0, this.#tailLength);
    return Buffer.concat([
      this.#ring.subarray(this.#ringEnd),
      this.#ring.subarray(0, this.#ringEnd),
    ]);
  }
}

/** Storage not taken yet. */
const EMPTY = Buffer.alloc(0);

/** Drops up to three UTF-8 continuation bytes that start a cut-off tail. */
function skipContinuation(bytes: Buffer): Buffer {
  let start = 0;
  while (start < 3 && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start += 1;
  return bytes.subarray(start);
}
