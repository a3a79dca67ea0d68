import { openSync, readdirSync, readFileSync } from "node:fs";

/** `O_CLOEXEC` as `/proc/<pid>/fdinfo` shows it (octal `flags:`). */
const O_CLOEXEC = 0o2000000;

/**
 * Descriptors above 2 that this process would pass to every child: those it inherited without
 * close-on-exec (a terminal the operator's shell left open as fd 3, a runner's pipe…). Node
 * opens its own descriptors close-on-exec, and its spawn leaves such inherited ones in place.
 * Linux only; elsewhere `[]`.
 */
export function inheritableDescriptors(): number[] {
  let entries: string[];
  try {
    entries = readdirSync("/proc/self/fdinfo");
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    const fd = Number(entry);
    if (!Number.isInteger(fd) || fd <= 2) continue;
    let info: string;
    try {
      info = readFileSync(`/proc/self/fdinfo/${fd}`, "latin1");
    } catch {
      continue; // the descriptor we used to read the directory, already closed
    }
    const flags = /^flags:\s*([0-7]+)/m.exec(info)?.[1];
    if (flags !== undefined && (parseInt(flags, 8) & O_CLOEXEC) === 0) found.push(fd);
  }
  return found.sort((a, b) => a - b);
}

let sealed: (number | "ignore")[] | undefined;

/**
 * The `stdio` entries after 0, 1, 2 that close every inheritable descriptor to the child:
 * each becomes `/dev/null` in the child instead of the tool's terminal or pipe. Computed once:
 * what a process inherited does not change, and Node opens everything else close-on-exec.
 */
export function sealedExtraStdio(): readonly (number | "ignore")[] {
  if (sealed !== undefined) return sealed;
  const inherited = inheritableDescriptors();
  const highest = inherited.at(-1) ?? 2;
  const devNull = highest > 2 ? openSync("/dev/null", "r") : -1;
  sealed = [];
  for (let fd = 3; fd <= highest; fd += 1) sealed.push(inherited.includes(fd) ? devNull : "ignore");
  return sealed;
}
