import type { ShellCommand } from "../shell/index.js";
import { code, destructive, type Hit, modifying } from "./hit.js";

/** Variables that only change how output looks: a command keeps its level with them. */
const HARMLESS =
  /^(LANG|LANGUAGE|LC_[A-Z_]+|TZ|TERM|COLORTERM|COLUMNS|LINES|NO_COLOR|CLICOLOR|CLICOLOR_FORCE|FORCE_COLOR|GREP_COLORS?|LS_COLORS|TIME_STYLE|QUOTING_STYLE|POSIXLY_CORRECT)$/;

/**
 * Variables that point a program at another program, a script or a library, or change how
 * the shell splits and traces words: setting one is as good as running arbitrary code.
 */
const PROGRAM =
  /(EDITOR|PAGER)$|^(VISUAL|BASH_ENV|ENV|BASH_FUNC_.*|LESSOPEN|LESSCLOSE|LESSKEY|PS4|PROMPT_COMMAND|SHELLOPTS|BASHOPTS|IFS|PATH|CDPATH|NODE_OPTIONS|NODE_PATH|RUBYOPT|RUBYLIB|JAVA_TOOL_OPTIONS|_JAVA_OPTIONS|JDK_JAVA_OPTIONS|KUBECTL_EXTERNAL_DIFF|SSH_ASKPASS|SUDO_ASKPASS|BROWSER|GCONV_PATH|HOSTALIASES|TAR_OPTIONS|LOCALDOMAIN|RES_OPTIONS|MANOPT|MANPATH|XDG_CONFIG_HOME|HOME|ZDOTDIR|INPUTRC|PERLLIB)$|^(LD_|DYLD_|PYTHON|PERL5|GIT_)/;

/**
 * Variables that point a program at a configuration file or directory of the script's choosing.
 * Such files can name programs to run (a kubeconfig's `exec` credential plugin, AWS
 * `credential_process`, a psqlrc's `\!`, an OpenSSL engine), so a command that reads one the
 * runbook chose is no longer a proven read, and neither is any later command once it is exported.
 */
const CONFIG =
  /(^|_)(CONFIG|CONF)$|_CONFIG_(FILE|DIR|HOME)$|_CREDENTIALS_FILE$|^(KUBECONFIG|PSQLRC|WGETRC|SCREENRC|CURL_HOME|MYSQL_HOME|GNUPGHOME|PGSERVICEFILE|PGPASSFILE|CLOUDSDK_CONFIG|DOCKER_CONFIG|HELM_PLUGINS|TF_CLI_CONFIG_FILE|REDISCLI_RCFILE)$/;

/** How much a variable assignment can change what a command does. */
export type VariableRisk = "harmless" | "program" | "config" | "other";

/** Rate a variable name for an assignment written before a command or exported by a script. */
export function variableRisk(name: string): VariableRisk {
  const bare = name.replace(/\[.*$/s, "").replace(/^\+/, "");
  if (PROGRAM.test(bare)) return "program";
  if (CONFIG.test(bare)) return "config";
  if (HARMLESS.test(bare)) return "harmless";
  return "other";
}

/**
 * Built-ins that run no other program: an ordinary assignment before them lives and dies with
 * them (`VAR=1 echo "$VAR"`). Program-pointing variables are rated even there.
 */
const PURE_BUILTINS: ReadonlySet<string> = new Set([
  "echo",
  "true",
  "false",
  ":",
  "test",
  "[",
  "[[",
]);

/**
 * Hits for the environment a command runs with: `PAGER=… git log`, `env LD_PRELOAD=… ls`,
 * `sudo PATH=… kubectl get pods` (the analyser carries a wrapper's assignments to the command
 * it runs). Only harmless variables keep a read.
 */
export function assignmentHits(command: ShellCommand): Hit[] {
  if (command.name === "") return [];
  const pure =
    PURE_BUILTINS.has(command.name) &&
    command.via.length === 0 &&
    command.argv[0]?.value === command.name;
  const names = command.assignments
    .map((a) => a.name)
    .filter((name) => !pure || variableRisk(name) === "program");
  const hits: Hit[] = [];
  for (const name of names) {
    const risk = variableRisk(name);
    if (risk === "program")
      hits.push(
        destructive(
          "env.program",
          `${code(`${name}=…`, command.name)} points ${code(command.name)} at another program or script, which can run anything`,
        ),
      );
    else if (risk === "config")
      hits.push(
        modifying(
          "env.config",
          `${code(`${name}=…`, command.name)} points ${code(command.name)} at a configuration the script chose, which can name programs to run`,
        ),
      );
    else if (risk === "other")
      hits.push(
        modifying(
          "env.assignment",
          `${code(`${name}=…`, command.name)} changes how ${code(command.name)} runs, so it is not a proven read`,
        ),
      );
  }
  return hits;
}

const DECLARATIONS: ReadonlySet<string> = new Set([
  "export",
  "declare",
  "typeset",
  "local",
  "readonly",
]);

/** Variables that, set for the rest of a script, change what its later commands do. */
function taints(name: string): boolean {
  const risk = variableRisk(name);
  return risk === "program" || risk === "config";
}

/**
 * The program- or configuration-pointing variable a command sets for the rest of its script, if
 * any: `PATH=./bin:$PATH` on its own, `export PATH=…`, `declare -x LD_PRELOAD=…`,
 * `export KUBECONFIG=./kc`.
 */
export function taintedVariable(command: ShellCommand): string | undefined {
  if (command.name === "") return command.assignments.map((a) => a.name).find(taints);
  if (!DECLARATIONS.has(command.name)) return undefined;
  return command.argv
    .slice(1)
    .map((w) => /^([A-Za-z_][A-Za-z0-9_]*)(\[[^\]]*\])?(\+?=|$)/.exec(w.value)?.[1])
    .find((n) => n !== undefined && taints(n));
}

/**
 * Whether a variable tainted earlier in the script reaches this command: every named command for
 * a program-pointing variable; a configuration only reaches programs, never the pure built-ins
 * (`export KUBECONFIG=… && echo "$KUBECONFIG"` stays a read).
 */
export function taintReaches(variable: string, command: ShellCommand): boolean {
  if (command.name === "") return false;
  return variableRisk(variable) === "program" || !PURE_BUILTINS.has(command.name);
}

/**
 * Wrappers that set the command's environment from somewhere the rules cannot read: a
 * directory of files (`envdir DIR`), a dotenv file (`dotenv`, `env-cmd`, `pipenv run`), shell
 * code (`direnv exec DIR`, which runs `.envrc`), or a secrets store that may hold any variable
 * name (`doppler run`, `chamber exec`, `infisical run`). Any of those may set `LD_PRELOAD` or
 * `PATH`, so the command they run is not a proven read.
 */
const ENVIRONMENT_LOADERS: ReadonlySet<string> = new Set([
  "envdir",
  "direnv exec",
  "dotenv",
  "env-cmd",
  "pipenv run",
  "doppler",
  "chamber",
  "infisical",
]);

/** Hits for a command run by a wrapper that loads its environment: at least `modifying`. */
export function loadedEnvironmentHits(command: ShellCommand): Hit[] {
  return command.via
    .filter((label) => ENVIRONMENT_LOADERS.has(label))
    .map((label) =>
      modifying(
        "env.loaded",
        `${code(label)} sets the environment of ${code(command.name)} from files or a store the rules cannot read, which can point it at another program (\`LD_PRELOAD\`, \`PATH\`)`,
      ),
    );
}
