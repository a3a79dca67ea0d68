// Word fragments anywhere in a name that mark its value as secret.
const SECRET_NAME_PARTS = [
  "TOKEN",
  "SECRET",
  "PASSWORD",
  "PASSWD",
  "PASSPHRASE",
  "APIKEY",
  "API_KEY",
  "ACCESS_KEY",
  "PRIVATE_KEY",
  "AUTH_KEY",
  "CREDENTIAL",
  "WEBHOOK_URL",
] as const;

// Name endings that mark a secret: `MYSQL_PWD`, `SMTP_PASS`, every `*_KEY` (`STRIPE_KEY`,
// `SSH_KEY`, `API_KEY`), `SENTRY_DSN` (a URL with the key in its user part), `NPM_AUTH`.
const SECRET_NAME_ENDINGS = ["_PWD", "_PASS", "_KEY", "_DSN", "_AUTH"] as const;

// Whole names that are secret on their own (`"auth"` in a Docker config, `DSN=`).
const SECRET_NAMES: ReadonlySet<string> = new Set(["AUTH", "DSN"]);

/**
 * Folds a name for comparison: upper case, `-` and `.` as `_`, leading dashes and underscores
 * dropped (`--secret-access-key` → `SECRET_ACCESS_KEY`, `INPUT_GITHUB-TOKEN` →
 * `INPUT_GITHUB_TOKEN`).
 */
function fold(name: string): string {
  return name.toUpperCase().replace(/[-.]/g, "_").replace(/^_+/, "");
}

/**
 * True when a name (an environment variable, a `key=` or `key:` in text, a `--option`) says its
 * value is a secret. Shared by the environment scan and the in-text matcher so both agree.
 */
export function isSecretName(name: string): boolean {
  const folded = fold(name);
  if (SECRET_NAMES.has(folded)) return true;
  if (SECRET_NAME_ENDINGS.some((ending) => folded.endsWith(ending))) return true;
  if (/^SLACK_.*TOKEN$/.test(folded)) return true;
  return SECRET_NAME_PARTS.some((part) => folded.includes(part));
}
