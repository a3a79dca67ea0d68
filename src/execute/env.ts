import { TOOL_SECRET_ENV_NAMES } from "../redact/secret-env.js";

/**
 * Variables a shell reads code from at startup: bash sources `$BASH_ENV` even with
 * `--noprofile --norc`, and POSIX shells source `$ENV`. A step must not run code it did not show.
 */
export const SHELL_STARTUP_ENV_NAMES = ["BASH_ENV", "ENV"] as const;

const DROPPED: ReadonlySet<string> = new Set([
  ...TOOL_SECRET_ENV_NAMES,
  ...SHELL_STARTUP_ENV_NAMES,
]);

/** Inputs for {@link buildChildEnv}. */
export interface ChildEnvOptions {
  /** The tool's own environment, usually `process.env`. */
  readonly parentEnv: Readonly<Record<string, string | undefined>>;
  /** Names the config passes on even though they are dropped by default (`pass_env`). */
  readonly passEnv: readonly string[];
  /** Extra variables for the step (runbook parameters…); they override the parent's. */
  readonly vars?: Readonly<Record<string, string>>;
}

/**
 * The runner gives an action its inputs as `INPUT_*` variables (tokens among them): they are
 * the action's, never a step's, and `pass_env` cannot pass them on.
 */
export const ACTION_INPUT_PREFIX = "INPUT_";

/**
 * The environment of a step's child process (safety invariant 5): the parent's variables and
 * `vars`, minus the tool's own secrets and shell startup hooks unless `passEnv` names them,
 * and minus every action input.
 */
export function buildChildEnv(options: ChildEnvOptions): Record<string, string> {
  const passed = new Set(options.passEnv);
  const env: Record<string, string> = {};
  const inherited = Object.entries(options.parentEnv).filter(
    ([name]) => !name.toUpperCase().startsWith(ACTION_INPUT_PREFIX),
  );
  for (const [name, value] of Object.entries({
    ...Object.fromEntries(inherited),
    ...options.vars,
  })) {
    if (value === undefined) continue;
    if (DROPPED.has(name) && !passed.has(name)) continue;
    env[name] = value;
  }
  return env;
}
