// Preloaded with `node --import` into a measured process: on exit it writes the process's peak
// resident set size (bytes) and the CPU time of all its threads (user + system, microseconds)
// as JSON to the file named by BENCH_USAGE_FILE.
import { writeFileSync } from "node:fs";

const target = process.env.BENCH_USAGE_FILE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(
      target,
      JSON.stringify({
        peakRssBytes: usage.maxRSS * 1024,
        cpuMicros: usage.userCPUTime + usage.systemCPUTime,
      }),
    );
  });
}
