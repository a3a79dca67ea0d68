/** A parameter name: what a shell reads as a variable name (compared case-insensitively). */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Variables that change how programs run (where they find code, which file they read their
 * configuration from, what they run as an editor or pager, where their traffic goes), or that
 * the shell manages itself. A runbook parameter is passed to its steps in the environment, so
 * one of these names would let the runbook's text decide which code a `read_only` step runs.
 * Matched case-insensitively; `*` is any run of letters, digits and `_`, `+` the same without
 * `_` (so `+PATH` is `CDPATH`, `GOPATH`, `CLASSPATH` but not a placeholder's `RELATIVE_PATH`).
 */
const DENIED_PATTERNS: readonly string[] = [
  // The shell: search paths, startup files, options, prompts, its own bookkeeping.
  "PATH",
  "+PATH",
  "*_LIBRARY_PATH",
  "*_LIB_PATH",
  "*_LIBS_PATH",
  "*_PLUGIN_PATH",
  "*_PLUGINS_PATH",
  "*_MODULE_PATH",
  "*_MODULES_PATH",
  "*_CONFIG_PATH",
  "*_INCLUDE_PATH",
  "*_SEARCH_PATH",
  "*_TYPELIB_PATH",
  "*_DRIVERS_PATH",
  "SHLIB_PATH",
  "ENV",
  "BASH_*",
  "SHELLOPTS",
  "BASHOPTS",
  "IFS",
  "PS1",
  "PS2",
  "PS3",
  "PS4",
  "PROMPT_COMMAND",
  "GLOBIGNORE",
  "EXECIGNORE",
  "FIGNORE",
  "HISTFILE",
  "HISTCMD",
  "INPUTRC",
  "ZDOTDIR",
  "POSIXLY_CORRECT",
  "TMOUT",
  "SHELL",
  "HOME",
  "*HOME",
  "PWD",
  "OLDPWD",
  "SHLVL",
  "HOSTNAME",
  "HOSTTYPE",
  "OSTYPE",
  "MACHTYPE",
  "UID",
  "EUID",
  "PPID",
  "RANDOM",
  "SRANDOM",
  "SECONDS",
  "LINENO",
  "OPTARG",
  "OPTIND",
  "OPTERR",
  "REPLY",
  "COLUMNS",
  "LINES",
  "GROUPS",
  "DIRSTACK",
  "PIPESTATUS",
  "FUNCNAME",
  "EPOCHSECONDS",
  "EPOCHREALTIME",
  "COMP_*",
  "READLINE_*",
  "TMPDIR",
  "TERM",
  "TERMINFO",
  "TERMINFO_DIRS",
  // The dynamic loader and the C library.
  "LD_*",
  "DYLD_*",
  "GCONV_PATH",
  "LOCPATH",
  "NLSPATH",
  "GLIBC_TUNABLES",
  "MALLOC_*",
  "LANG",
  "LANGUAGE",
  "LC_*",
  "TZDIR",
  // Interpreters and build tools that load code or options from the environment.
  "PYTHON*",
  "PERL*",
  "RUBY*",
  "GEM_*",
  "BUNDLE_*",
  "NODE_*",
  "NPM_CONFIG_*",
  "JAVA_TOOL_OPTIONS",
  "_JAVA_OPTIONS",
  "JDK_JAVA_OPTIONS",
  "CLASSPATH",
  "*_OPTIONS",
  "*_OPTS",
  "*FLAGS",
  "LUA_*",
  "TCL*",
  "PHPRC",
  "PHP_INI_SCAN_DIR",
  "GOFLAGS",
  "GOPROXY",
  "GOROOT",
  "GOENV",
  "GOTOOLCHAIN",
  "CARGO_*",
  "RUSTC_*",
  "RUSTUP_*",
  // Tools that run a helper program or read a configuration file named by a variable.
  "GIT_*",
  "EDITOR",
  "VISUAL",
  "*_EDITOR",
  "*PAGER",
  "LESSOPEN",
  "LESSCLOSE",
  "LESSKEY",
  "MANOPT",
  "*_ASKPASS",
  "*_CONFIG",
  "*_CONFIG_FILE",
  "*_CONFIG_DIR",
  "*_CONF",
  "XDG_*",
  "WGETRC",
  "CURLRC",
  "PSQLRC",
  "NETRC",
  "OPENSSL_*",
  "SSL_CERT_*",
  "*_CA_BUNDLE",
  "*_CA_CERTS",
  "*_PROXY",
  "KUBECTL_EXTERNAL_DIFF",
  "DOCKER_HOST",
  "DOCKER_CONTEXT",
  "DOCKER_CERT_PATH",
  "DOCKER_TLS_VERIFY",
  "AWS_SHARED_CREDENTIALS_FILE",
  "TF_CLI_ARGS*",
  "TF_PLUGIN_*",
  "SSH_AUTH_SOCK",
  // The runner's and the tool's own variables.
  "GITHUB_*",
  "RUNNER_*",
  "ACTIONS_*",
  "INPUT_*",
  "RUNBOOK_EXEC_*",
  "ANTHROPIC_*",
  "SLACK_BOT_TOKEN",
  "SLACK_USER_TOKEN",
  "SLACK_APP_TOKEN",
  "GH_TOKEN",
];

/** Allowed, with a warning: it picks which cluster (and which credentials) a step talks to. */
const WARNED: Readonly<Record<string, string>> = {
  KUBECONFIG:
    "`KUBECONFIG` chooses the cluster and the credentials every `kubectl`/`oc` command of the step uses, and a kubeconfig can run an exec credential plugin",
};

const DENIED = DENIED_PATTERNS.map(
  (pattern) =>
    new RegExp(`^${pattern.replaceAll("*", "[A-Z0-9_]*").replaceAll("+", "[A-Z0-9]*")}$`),
);

/** What is wrong with a parameter name, if anything. */
export type ParameterNameVerdict =
  | { readonly kind: "ok" }
  | { readonly kind: "warning"; readonly message: string }
  | { readonly kind: "invalid"; readonly message: string }
  | { readonly kind: "denied"; readonly message: string };

/**
 * Checks a parameter name (front matter, `--var`, a placeholder): an identifier, outside the
 * names that change how programs run (safety invariant 12). Case-insensitive, because several
 * programs read both cases (`http_proxy`, `HTTPS_PROXY`).
 */
export function checkParameterName(name: string): ParameterNameVerdict {
  if (!IDENTIFIER.test(name)) {
    return {
      kind: "invalid",
      message: `\`${name}\` is not a variable name (letters, digits and \`_\`, not starting with a digit)`,
    };
  }
  const upper = name.toUpperCase();
  const warning = WARNED[upper];
  if (warning !== undefined) return { kind: "warning", message: warning };
  if (DENIED.some((pattern) => pattern.test(upper))) {
    return {
      kind: "denied",
      message: `\`${name}\` cannot be a parameter: steps receive parameters as environment variables, and \`${upper}\` changes how programs run (which code, configuration, editor, pager, proxy or shell state they use)`,
    };
  }
  return { kind: "ok" };
}

/** How a secret parameter's value is shown everywhere. */
export const MASKED_VALUE = "***";
