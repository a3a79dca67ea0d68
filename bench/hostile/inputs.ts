// Pathological runbooks, one per way hostile input used to hang or crash `validate`: each is
// generated (never stored) at a given scale. Used by `npm run bench:hostile` and, at smaller
// scales, by __tests__/engine/hostile.test.ts.

/** One hostile input: a name, what it attacks, and the Markdown text at a size. */
export interface HostileInput {
  readonly name: string;
  readonly attacks: string;
  /** The runbook text; `scale` 1 is the size measured in issue 9. */
  readonly text: (scale: number) => string;
}

const fence = (language: string, body: string, indent = "   "): string =>
  `${indent}\`\`\`${language}\n${body
    .split("\n")
    .map((line) => indent + line)
    .join("\n")}\n${indent}\`\`\`\n`;

const step = (index: number, body: string): string => `${index}. Step ${index}.\n\n${body}\n`;

export const HOSTILE_INPUTS: readonly HostileInput[] = [
  {
    name: "awk-print-line",
    attacks: "the awk `print … >` regex (quadratic over one long line)",
    text: (scale) =>
      `# Awk\n\n${step(1, fence("bash", `awk '{ ${"print $1 ".repeat(Math.round(96_000 * scale))}}' f`))}`,
  },
  {
    name: "python-fence",
    attacks: "the code-pattern regexes over a long python script",
    text: (scale) =>
      `# Py\n\n${step(1, fence("python", "open(open(x, ".repeat(Math.round(30_000 * scale))))}`,
  },
  {
    name: "emphasis",
    attacks: "emphasis delimiter matching over `*a*a*…`",
    text: (scale) => `# Em\n\n${"*a".repeat(Math.round(100_000 * scale))}\n`,
  },
  {
    name: "angle-brackets",
    attacks: "autolink / HTML scanning over `<<<<…`",
    text: (scale) => `# Lt\n\n${"<".repeat(Math.round(200_000 * scale))}\n`,
  },
  {
    name: "nested-quotes",
    attacks: "recursion over 3,000 nested block quotes (stack overflow)",
    text: (scale) => `# Quotes\n\n${"> ".repeat(Math.round(3_000 * scale))}1. deep\n`,
  },
  {
    name: "nested-lists",
    attacks: "2,000 levels of nested ordered lists",
    text: (scale) => {
      const depth = Math.round(2_000 * scale);
      let out = "# Lists\n\n";
      for (let level = 0; level < depth; level++)
        out += `${" ".repeat(level * 3)}1. level ${level}\n`;
      return out;
    },
  },
  {
    name: "fences-off-indent",
    attacks: "10,000 steps whose fences miss the item's indent (quadratic lint)",
    text: (scale) => {
      let out = "# Steps\n\n";
      const count = Math.round(10_000 * scale);
      for (let index = 1; index <= count; index++)
        out += `${index}. Step.\n\n\`\`\`bash\necho ${index}\n\`\`\`\n\n`;
      return out;
    },
  },
  {
    name: "long-fence",
    attacks: "a 2 MB bash fence (analysis bounded by a length limit)",
    text: (scale) =>
      `# Long\n\n${step(1, fence("bash", "echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n".repeat(Math.round(50_000 * scale))))}`,
  },
  {
    name: "huge-file",
    attacks: "a file over `max_file_bytes` (6 MB)",
    text: (scale) => `# Huge\n\n${"word ".repeat(Math.round(1_260_000 * scale))}\n`,
  },
];
