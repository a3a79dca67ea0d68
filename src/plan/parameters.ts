import { MASKED_VALUE } from "../core/parameter-names.js";
import type { Runbook, Step } from "../core/runbook.js";
import { isSecretEnvName } from "../redact/secret-env.js";

/** A parameter a runbook knows: declared in the front matter, used as a placeholder, or both. */
export interface ParameterSpec {
  readonly name: string;
  /** The declared default; `undefined` when there is none (the value is required). */
  readonly default: string | undefined;
  readonly description: string | undefined;
  /** Shown as `***` everywhere: declared `secret: true`, or a secret-looking name. */
  readonly secret: boolean;
  readonly declared: boolean;
  /** Line of the front-matter declaration, when declared. */
  readonly line: number | undefined;
  /** The steps whose placeholders use it, with the text that uses it (context for a prompt). */
  readonly usedBy: readonly { readonly step: number; readonly text: string }[];
}

/** Asks a person for the values of parameters that have none; name → value. */
export type AskParameters = (
  missing: readonly ParameterSpec[],
) => Promise<Readonly<Record<string, string>>>;

/** A parameter as one step receives it. */
export interface StepParameter {
  readonly name: string;
  /** `undefined` while unbound (a dry run shows it; a live run never starts). */
  readonly value: string | undefined;
  readonly secret: boolean;
}

/** Every parameter of a runbook: declared ones first, in order, then placeholders by first use. */
export function parameterSpecs(runbook: Pick<Runbook, "frontMatter" | "steps">): ParameterSpec[] {
  const specs = new Map<string, ParameterSpec>();
  for (const declared of runbook.frontMatter?.parameters ?? []) {
    specs.set(declared.name, {
      name: declared.name,
      default: declared.default,
      description: declared.description,
      secret: declared.secret || isSecretEnvName(declared.name),
      declared: true,
      line: declared.line,
      usedBy: [],
    });
  }
  for (const step of runbook.steps) {
    for (const command of step.commands) {
      for (const use of command.placeholders ?? []) {
        if (use.binding.kind !== "bound") continue;
        const known = specs.get(use.name) ?? {
          name: use.name,
          default: undefined,
          description: undefined,
          secret: isSecretEnvName(use.name),
          declared: false,
          line: undefined,
          usedBy: [],
        };
        if (known.usedBy.some((user) => user.step === step.index)) continue;
        specs.set(use.name, {
          ...known,
          usedBy: [...known.usedBy, { step: step.index, text: step.name ?? step.text }],
        });
      }
    }
  }
  return [...specs.values()];
}

/**
 * What a step receives: every declared parameter (documented as available to every step) and
 * the parameters of its own placeholders. The step hash covers exactly these.
 */
export function stepParameters(
  step: Pick<Step, "commands">,
  specs: readonly ParameterSpec[],
  values: Readonly<Record<string, string>>,
): StepParameter[] {
  const used = new Set<string>();
  for (const command of step.commands)
    for (const use of command.placeholders ?? [])
      if (use.binding.kind === "bound") used.add(use.name);
  return specs
    .filter((spec) => spec.declared || used.has(spec.name))
    .map((spec) => ({ name: spec.name, value: values[spec.name], secret: spec.secret }));
}

/** A parameter's value as people may see it: `***` for secrets, `(unbound)` without a value. */
export function shownValue(parameter: StepParameter): string {
  if (parameter.value === undefined) return "(unbound)";
  return parameter.secret ? MASKED_VALUE : parameter.value;
}

/** Every parameter of a run with its shown value (`***`, `(unbound)`), for `run_start` and the plan. */
export function shownRunParameters(
  specs: readonly ParameterSpec[],
  values: Readonly<Record<string, string>>,
): Readonly<Record<string, string>> {
  return shownParameters(
    specs.map((spec) => ({ name: spec.name, value: values[spec.name], secret: spec.secret })),
  );
}

/** The values a redactor must hide: every secret parameter's. */
export function secretValues(
  specs: readonly ParameterSpec[],
  values: Readonly<Record<string, string>>,
): string[] {
  return specs.flatMap((spec) => {
    const value = values[spec.name];
    return spec.secret && value !== undefined && value !== "" ? [value] : [];
  });
}

/** Name → shown value, for records and faces. */
export function shownParameters(
  parameters: readonly StepParameter[],
): Readonly<Record<string, string>> {
  return Object.fromEntries(parameters.map((p) => [p.name, shownValue(p)]));
}

/** The environment a step's child process gets on top of the run's: its bound parameters. */
export function parameterEnv(
  parameters: readonly StepParameter[],
): Readonly<Record<string, string>> {
  const env: Record<string, string> = {};
  for (const p of parameters) if (p.value !== undefined) env[p.name] = p.value;
  return env;
}
