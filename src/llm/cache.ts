import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { Command } from "../core/runbook.js";
import { parseCacheEntry, type StepAnswer } from "./answers.js";

/** What identifies a classification: anything else in the prompt does not change the key. */
export interface CacheKeyInput {
  readonly model: string;
  readonly promptVersion: string;
  readonly text: string;
  readonly commands: readonly Pick<Command, "language" | "script">[];
}

/** sha256 (hex) of model, prompt version, step text, and each command's language and script. */
export function cacheKey(input: CacheKeyInput): string {
  const material = JSON.stringify([
    input.model,
    input.promptVersion,
    input.text,
    input.commands.map((command) => [command.language, command.script]),
  ]);
  return createHash("sha256").update(material).digest("hex");
}

/** A store of classification answers by key. */
export interface AnswerCache {
  get(key: string): Promise<StepAnswer | undefined>;
  set(key: string, answer: StepAnswer): Promise<void>;
}

/**
 * One JSON file per entry under `dir/classify/`. Writes go to a unique temporary file that is
 * renamed into place, so concurrent writers never leave a torn file; unreadable, corrupt or
 * schema-invalid entries read as misses and are overwritten by the next answer. Cache errors
 * never fail a classification: a failed write only costs a request next time.
 */
export function createDiskCache(dir: string): AnswerCache {
  const root = path.join(dir, "classify");
  const fileFor = (key: string): string => path.join(root, `${key}.json`);
  return {
    async get(key) {
      let text: string;
      try {
        text = await readFile(fileFor(key), "utf8");
      } catch {
        return undefined;
      }
      const entry = parseCacheEntry(text);
      return entry === undefined ? undefined : { risk: entry.risk, reasoning: entry.reasoning };
    },
    async set(key, answer) {
      const temporary = path.join(
        root,
        `.${key}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`,
      );
      try {
        await mkdir(root, { recursive: true });
        await writeFile(temporary, `${JSON.stringify({ version: 1, ...answer })}\n`, "utf8");
        await rename(temporary, fileFor(key));
      } catch {
        await rm(temporary, { force: true }).catch(() => undefined);
      }
    },
  };
}
