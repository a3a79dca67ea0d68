import { spawnSync } from "node:child_process";
export function cobra(argv) {
  const out = spawnSync(argv[0], [...argv.slice(1), "--help"], { encoding: "utf8" }).stdout;
  const opts = [];
  for (const line of out.split("\n")) {
    const m = /^\s+(?:-(\w), )?--([\w-]+)=(.*):\s*$/.exec(line);
    if (!m) continue;
    const bool = /^(true|false)$/.test(m[3]);
    opts.push((m[1] ? m[1] + "," : "") + m[2] + (bool ? "[=]" : "="));
  }
  return opts.join(" ");
}
for (const v of process.argv.slice(2)) console.log(v + ": " + cobra(["kubectl", ...v.split(":")]));
