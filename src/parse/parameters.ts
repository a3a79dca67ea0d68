import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from "yaml";
import { checkParameterName } from "../core/parameter-names.js";
import type { FrontMatterProblem, ParameterDeclaration } from "../core/runbook.js";

/** Declarations that are valid, and what was wrong with the others. */
export interface ParsedParameters {
  readonly declarations: readonly ParameterDeclaration[];
  readonly problems: readonly FrontMatterProblem[];
}

type LineOf = (offset: number) => number;

const MAPPING_KEYS: ReadonlySet<string> = new Set(["default", "description", "secret"]);
const FORMS =
  "`NAME: value`, `NAME:` (required), or `NAME: { default: …, description: …, secret: true }`";

/**
 * Reads `parameters:`, as a mapping (`NAME: default`, `NAME:` for a required one, or
 * `NAME: { default, description, secret }`) or as a list (`- NAME`, `- { name, default, … }`).
 * Values become strings because steps receive them as environment variables; an empty string
 * is a value. Anything else (a list or an unknown mapping as a value, a bad or denied name, a
 * name declared twice in any letter case) is a problem at its line, never `[object Object]`.
 */
export function parseParameters(node: unknown, lineOf: LineOf): ParsedParameters {
  const declarations: ParameterDeclaration[] = [];
  const problems: FrontMatterProblem[] = [];
  const add = (name: string, value: unknown, line: number): void => {
    const declared = declaration(name, value, line);
    if ("problem" in declared) {
      problems.push(declared.problem);
      return;
    }
    const nameProblem = nameProblemOf(name, line);
    if (nameProblem !== undefined) problems.push(nameProblem);
    if (nameProblem?.severity === "error") return;
    const twin = declarations.find((d) => d.name.toUpperCase() === name.toUpperCase());
    if (twin !== undefined) {
      problems.push({
        line,
        severity: "error",
        message: `Unexpected second declaration of parameter \`${name}\` (first at line ${twin.line}), expected each name once in any letter case`,
        fix: `Remove one of the two declarations of \`${name}\``,
      });
      return;
    }
    declarations.push(declared.value);
  };
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = scalarText(pair.key);
      const line = lineOfNode(pair.key, lineOf);
      if (key === undefined) {
        problems.push(structured(line, "a parameter name", "a plain name such as `NAMESPACE`"));
        continue;
      }
      add(key, pair.value, line);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) {
      const line = lineOfNode(item, lineOf);
      const name = scalarText(item);
      if (name !== undefined) {
        add(name, null, line);
      } else if (isMap(item) && item.has("name")) {
        const entryName = scalarText(item.get("name", true));
        if (entryName === undefined) {
          problems.push(structured(line, "`name:`", "a plain name such as `NAMESPACE`"));
          continue;
        }
        const rest = item.clone();
        if (isMap(rest)) rest.delete("name");
        add(entryName, rest.items.length === 0 ? null : rest, line);
      } else {
        problems.push(
          structured(line, "a parameter list entry", "`- NAME` or `- { name: NAME, default: … }`"),
        );
      }
    }
  } else if (node !== undefined && node !== null && !(isScalar(node) && node.value === null)) {
    problems.push({
      line: lineOfNode(node, lineOf),
      severity: "error",
      message: "Unexpected `parameters:` value, expected a mapping of names or a list of names",
      fix: "Write `parameters:` followed by indented lines such as `  NAMESPACE: default`",
    });
  }
  return { declarations, problems };
}

type Declared = { readonly value: ParameterDeclaration } | { readonly problem: FrontMatterProblem };

function declaration(name: string, value: unknown, line: number): Declared {
  const base = { name, line, description: undefined, secret: false };
  if (value === null || value === undefined) return { value: { ...base, default: undefined } };
  if (isScalar(value)) {
    const text = scalarText(value);
    return { value: { ...base, default: text } };
  }
  if (!isMap(value)) return { problem: structured(line, `the value of \`${name}\``, FORMS) };
  const unknown = value.items
    .map((pair: Pair) => scalarText(pair.key) ?? "?")
    .filter((key) => !MAPPING_KEYS.has(key));
  if (unknown.length > 0) {
    return {
      problem: {
        line,
        severity: "error",
        message: `Unexpected key ${unknown.map((k) => `\`${k}\``).join(", ")} in parameter \`${name}\`, expected \`default\`, \`description\` or \`secret\``,
        fix: `Write ${FORMS}`,
      },
    };
  }
  const fallback = value.get("default", true);
  const description = value.get("description", true);
  const secret = value.get("secret", true);
  if (fallback !== undefined && !isScalar(fallback))
    return {
      problem: structured(line, `the default of \`${name}\``, "a string, number or boolean"),
    };
  if (description !== undefined && !isScalar(description))
    return { problem: structured(line, `the description of \`${name}\``, "a sentence") };
  if (secret !== undefined && !(isScalar(secret) && typeof secret.value === "boolean"))
    return { problem: structured(line, `\`secret\` of \`${name}\``, "`true` or `false`") };
  return {
    value: {
      ...base,
      default: fallback === undefined ? undefined : scalarText(fallback),
      description: description === undefined ? undefined : scalarText(description),
      secret: secret?.value === true,
    },
  };
}

function nameProblemOf(name: string, line: number): FrontMatterProblem | undefined {
  const verdict = checkParameterName(name);
  switch (verdict.kind) {
    case "ok":
      return undefined;
    case "warning":
      return {
        line,
        severity: "warning",
        message: `Parameter \`${name}\`: ${verdict.message}`,
        fix: "Make sure every approver sees which kubeconfig a step uses, or name the context in the commands instead (`--context`)",
      };
    case "invalid":
    case "denied":
      return {
        line,
        severity: "error",
        message: `Unexpected parameter name: ${verdict.message}`,
        fix:
          verdict.kind === "invalid"
            ? "Use letters, digits and `_`, starting with a letter or `_`, e.g. `TARGET_NAMESPACE`"
            : "Rename the parameter to say what it holds, e.g. `TARGET_NAMESPACE`, and use that name in the commands",
      };
  }
}

function structured(line: number, what: string, expected: string): FrontMatterProblem {
  return {
    line,
    severity: "error",
    message: `Unexpected structured value for ${what}, expected ${expected}`,
    fix: `Write ${FORMS}`,
  };
}

/** A scalar's value as the string a step receives (`null` → undefined: no value). */
function scalarText(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  const { value } = node;
  if (value === null || value === undefined) return undefined;
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return undefined;
}

function lineOfNode(node: unknown, lineOf: LineOf): number {
  if (isPair(node)) return lineOfNode(node.key, lineOf);
  const range = (node as Node | null)?.range;
  return lineOf(Array.isArray(range) ? range[0] : 0);
}
