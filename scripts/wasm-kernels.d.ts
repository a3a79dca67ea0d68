// Types of scripts/wasm-kernels.js (plain JavaScript, so that `node` runs it without a build).

/** The kernel sources (`src/**\/*-kernel.wat`) under `root`, relative to it, sorted. */
export function kernelSources(root: string): string[];

/** The TypeScript module a kernel source compiles to (its binary as base64). */
export function kernelModule(root: string, source: string): Promise<string>;

/** The module's path for a kernel source. */
export function kernelModulePath(source: string): string;
