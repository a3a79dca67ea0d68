import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { chunk, createLimiter } from "../../src/llm/limit.js";

describe("createLimiter", () => {
  it("never runs more than the limit at once, in FIFO order, even as slots free up", async () => {
    const limit = createLimiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (id: number, ms: number) => async () => {
      started.push(id);
      active += 1;
      peak = Math.max(peak, active);
      await sleep(ms);
      active -= 1;
      return id;
    };
    const results = await Promise.all([5, 1, 3, 1, 2, 1].map((ms, id) => limit(task(id, ms * 5))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("frees the slot when a task fails", async () => {
    const limit = createLimiter(1);
    await expect(limit(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await limit(() => Promise.resolve("next"))).toBe("next");
  });

  it("rejects a limit below one", () => {
    expect(() => createLimiter(0)).toThrow(RangeError);
  });
});

describe("chunk", () => {
  it("splits into consecutive chunks of at most the size", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 25)).toEqual([]);
  });
});
