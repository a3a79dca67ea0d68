import type { ConfigNotice } from "./types.js";

/** The command that trusts `file`, quoted for a POSIX shell. */
export function trustCommand(file: string): string {
  const quoted = /^[\w@%+=:,./-]+$/.test(file) ? file : `'${file.replaceAll("'", "'\\''")}'`;
  return `runbook-exec trust ${quoted}`;
}

/** One line for people about a configuration notice (invariant 11); not yet escaped. */
export function describeNotice(notice: ConfigNotice): string {
  if (notice.kind === "unsafe_file")
    return `warning: ignored configuration file ${notice.file}: ${notice.detail}`;
  return (
    `warning: ${notice.file} is not trusted, so these settings in it were ignored: ` +
    `${notice.detail}. If you have read the file and want them, run \`${trustCommand(notice.file)}\` ` +
    "(any later change to the file needs a new trust)"
  );
}
