import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Commands drawn on for generated steps: a realistic mix of the three risk levels. `{n}` gets
 * a random number, so every script is different and no cache can flatter the figures.
 */
const COMMANDS = [
  "kubectl get pods -n web-{n} -o wide",
  "kubectl logs deploy/api-{n} -n web --since=15m | grep -i error | tail -50",
  "kubectl rollout restart deployment/api-{n} -n web",
  "kubectl delete pod api-{n} -n web",
  "df -h && du -xh /var/lib/app-{n} | sort -rh | head -20",
  "journalctl -u nginx-{n} --since '1 hour ago' --no-pager",
  "sudo systemctl restart nginx-{n}",
  "rm -rf /var/cache/app-{n}/*",
  'psql -X -c "SELECT count(*) FROM pg_stat_activity WHERE pid <> {n};"',
  "psql -X -c \"UPDATE jobs SET state = 'failed' WHERE id = {n};\"",
  "aws s3 ls s3://backups-{n}/ --recursive | tail -5",
  "aws ec2 describe-instances --filters Name=tag:shard,Values={n}",
  "terraform plan -out plan-{n}.tfplan",
  "git log --oneline -{n}",
  "curl -fsS https://status-{n}.example.com/health | jq .",
  "docker ps --filter name=worker-{n} --format '{{.Names}} {{.Status}}'",
  "redis-cli -h cache-{n} INFO memory",
  "find /tmp/job-{n} -name '*.lock' -mtime +1 -delete",
  "helm upgrade api-{n} charts/api -n web --reuse-values",
  "for h in web-{n} web-{n}a web-{n}b; do ssh \"$h\" 'uptime'; done",
];

const SECTIONS = ["Diagnosis", "Mitigation", "Remediation", "Verification"];

/**
 * A deterministic pseudo-random sequence (mulberry32), so every run generates the same files.
 * 32-bit integer arithmetic throughout: the linear congruential generator this replaces
 * multiplied past 2^53, lost its low bits and repeated a third of its scripts.
 */
function* sequence(seed: number): Generator<number, never> {
  let state = seed >>> 0;
  for (;;) {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    yield (mixed ^ (mixed >>> 14)) >>> 0;
  }
}

function runbookText(
  fileIndex: number,
  stepsPerFile: number,
  random: Generator<number, never>,
): string {
  const lines = [
    `# Generated runbook ${fileIndex}`,
    "",
    "Context paragraph with `inline code` and a [link](https://example.com).",
    "",
  ];
  for (let step = 1; step <= stepsPerFile; step++) {
    if ((step - 1) % 5 === 0)
      lines.push(`## ${SECTIONS[((step - 1) / 5) % SECTIONS.length] ?? "Steps"}`, "");
    const template = COMMANDS[random.next().value % COMMANDS.length] ?? "true";
    const command = template.replaceAll("{n}", String(random.next().value % 100_000));
    const marker = `${step}. `;
    // The fence belongs to the item only when indented to the item's content: `10. ` needs four.
    const indent = " ".repeat(marker.length);
    lines.push(
      `${marker}Do step ${step} of runbook ${fileIndex}, carefully.`,
      "",
      `${indent}\`\`\`bash`,
      `${indent}${command}`,
      `${indent}\`\`\``,
      "",
    );
  }
  return lines.join("\n");
}

/** Writes `files` runbooks of `stepsPerFile` steps into `dir` (created). */
export function generateRunbooks(dir: string, files: number, stepsPerFile: number): void {
  mkdirSync(dir, { recursive: true });
  const random = sequence(42);
  for (let file = 1; file <= files; file++) {
    writeFileSync(
      path.join(dir, `runbook-${String(file).padStart(4, "0")}.md`),
      runbookText(file, stepsPerFile, random),
    );
  }
}
