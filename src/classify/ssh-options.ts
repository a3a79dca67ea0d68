import type { ShellCommand } from "../shell/index.js";
import { code, type Hit, modifying, type Nested } from "./hit.js";

/** ssh options whose value is a command ssh runs on this machine through the user's shell. */
const LOCAL_COMMAND =
  /^(ProxyCommand|LocalCommand|KnownHostsCommand|RemoteCommand|PKCS11Provider|SecurityKeyProvider|Include)\s*[= ]\s*(.*)$/is;

const SSH_TOOLS: ReadonlySet<string> = new Set(["ssh", "scp", "sftp", "autossh", "mosh"]);

/** The words of every ssh-like invocation in a command: the wrapper's own (`ssh -o … host 'cmd'`) or the command's. */
function sshWords(command: ShellCommand): string[] {
  const out: string[] = [];
  let inside = false;
  for (const word of command.words) {
    const name = word.value.slice(word.value.lastIndexOf("/") + 1);
    if (SSH_TOOLS.has(name)) inside = true;
    else if (inside) out.push(word.value);
  }
  return out;
}

/**
 * `ssh -o ProxyCommand='…'` and `-o LocalCommand=…` run a local command (classified like any
 * other); `-F file` reads a configuration the rules cannot see, which may do the same.
 */
export function sshOptionHits(command: ShellCommand, nested: Nested): Hit[] {
  const words = sshWords(command);
  const hits: Hit[] = [];
  words.forEach((word, i) => {
    const value =
      word === "-o"
        ? words[i + 1]
        : word.startsWith("-o") && word.length > 2
          ? word.slice(2)
          : undefined;
    const match = value === undefined ? null : LOCAL_COMMAND.exec(value);
    if (match !== null) {
      const what = `${match[1] ?? ""}=`;
      hits.push(
        modifying("ssh.local-command", `${code("ssh -o", what)} runs a command on this machine`),
      );
      if (/command$/i.test(match[1] ?? ""))
        hits.push(...nested.shell(match[2] ?? "").filter((h) => h.risk !== "read_only"));
    }
    if (word === "-F" || (word.startsWith("-F") && word.length > 2))
      hits.push(
        modifying(
          "ssh.config-file",
          `${code("ssh -F")} reads a configuration that can run local commands`,
        ),
      );
  });
  return hits;
}
