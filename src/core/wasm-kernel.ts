/**
 * A small WebAssembly kernel: a loop over bytes that JavaScript runs several times slower
 * (bench/run), written in the text format beside its user (`*-kernel.wat`) and compiled into
 * base64 by scripts/wasm-kernels.js. Its memory is one byte view that grows on demand; callers
 * copy their input in, run an export and copy the result out.
 */
export class WasmKernel {
  readonly #exports: Readonly<Record<string, unknown>>;
  readonly #memory: KernelMemory;
  #bytes: Uint8Array;

  /** An instance of `module`, from {@link compileKernel}. */
  constructor(module: KernelModule) {
    this.#exports = new wasm.Instance(module).exports;
    const memory = this.#exports["memory"];
    if (!(memory instanceof wasm.Memory)) throw new Error("the kernel exports no memory");
    this.#memory = memory;
    this.#bytes = new Uint8Array(memory.buffer);
  }

  /** The exported function `name`, which takes and returns 32-bit integers. */
  function(name: string): (...args: number[]) => number {
    const exported = this.#exports[name];
    if (typeof exported !== "function") throw new Error(`the kernel exports no function ${name}`);
    return (...args) => Number(Reflect.apply(exported, undefined, args));
  }

  /** The exported mutable global `name`, a 32-bit integer. */
  global(name: string): { value: number } {
    const exported = this.#exports[name];
    if (!(exported instanceof wasm.Global)) throw new Error(`the kernel exports no global ${name}`);
    return exported;
  }

  /**
   * Whether its memory grew past {@link KEPT_BYTES} for a large input: WebAssembly memory never
   * shrinks, so the caller makes a new instance for the next use and lets this one go.
   */
  get oversized(): boolean {
    return this.#bytes.length > KEPT_BYTES;
  }

  /** The kernel's memory, at least `size` bytes of it (it grows, and then this is a new view). */
  bytes(size: number): Uint8Array {
    const missing = size - this.#bytes.length;
    if (missing > 0) {
      this.#memory.grow(Math.ceil(missing / PAGE_BYTES));
      this.#bytes = new Uint8Array(this.#memory.buffer);
    }
    return this.#bytes;
  }
}

/** How much memory a kernel instance keeps between uses (see `oversized`). */
const KEPT_BYTES = 4 * 2 ** 20;
/** The unit a WebAssembly memory grows by. */
const PAGE_BYTES = 65_536;

/** A compiled kernel, which instances share. */
export type KernelModule = object;

/**
 * Compiles a kernel from its base64. Call it when the module that uses the kernel loads: once
 * the bash parser sets V8's `--liftoff-only` (process-wide, `classify/bash-parser.ts`), WASM
 * compiled after it stays at the baseline tier, which runs these loops two to three times
 * slower; compiled before, it is optimised when it gets hot.
 */
export function compileKernel(base64: string): KernelModule {
  return new wasm.Module(Buffer.from(base64, "base64"));
}

/** A kernel's linear memory. */
interface KernelMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

/** The part of the WebAssembly JavaScript API a kernel needs (Node 20's types do not declare it). */
interface WebAssemblyApi {
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => {
    readonly exports: Readonly<Record<string, unknown>>;
  };
  readonly Memory: abstract new (...args: never[]) => KernelMemory;
  readonly Global: abstract new (...args: never[]) => { value: number };
}

const wasm = (globalThis as unknown as { readonly WebAssembly: WebAssemblyApi }).WebAssembly;
