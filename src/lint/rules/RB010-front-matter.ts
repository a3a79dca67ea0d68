import type { LintRule } from "../types.js";

/** RB010: front matter that does not parse loses the title, parameters and owners. */
export const frontMatter: LintRule = {
  id: "RB010",
  alias: "front-matter",
  description:
    "Front matter is not valid YAML (or not a mapping); its title and parameters are ignored.",
  defaultSeverity: "error",
  check({ runbook }) {
    const error = runbook.frontMatterError;
    if (error === undefined) return [];
    // The YAML library counts lines inside the front matter; the finding's line already points into the file.
    const detail = error.message.replace(/ at line \d+, column \d+:?$/, "").replace(/:$/, "");
    return [
      {
        line: error.line,
        column: 1,
        message: `Unexpected invalid front matter (${detail}), expected a YAML mapping such as \`title: …\`; its title and parameters are ignored`,
        fix: "Fix the YAML between the `---` lines: `key: value` pairs, quote values that contain `:` or `#`",
      },
    ];
  },
};
