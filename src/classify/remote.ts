import type { RemoteTarget, ShellCommand } from "../shell/index.js";
import { variableRisk } from "./environment.js";
import { closedWorldHits } from "./grammar/closed-world.js";
import { allValues, parseArgs } from "./grammar/parse.js";
import type { Syntax } from "./grammar/syntax.js";
import { code, destructive, type Hit, modifying } from "./hit.js";
import { KUBECTL } from "./tools/kube-syntax.js";
import { CONTAINER_EXEC, SSH, SSH_CONNECT_KEYS } from "./tools/remote-syntax.js";

/** The wrapper's name and grammar for each kind of remote target that has one. */
const GRAMMARS: Partial<Record<RemoteTarget["kind"], { tool: string; syntax: Syntax }>> = {
  ssh: { tool: "ssh", syntax: SSH },
  "kubectl-exec": { tool: "kubectl", syntax: KUBECTL },
  "oc-exec": { tool: "oc", syntax: KUBECTL },
  "docker-exec": { tool: "docker", syntax: CONTAINER_EXEC },
  "podman-exec": { tool: "podman", syntax: CONTAINER_EXEC },
};

/** `ssh -o Key=value` options whose key (or value) is not known to only choose how to connect. */
function sshConfigHits(words: readonly string[]): Hit[] {
  return allValues(parseArgs(words, SSH), "o").flatMap((option) => {
    const [, key = "", value = ""] = /^\s*([A-Za-z]+)\s*[= ]\s*(.*)$/s.exec(option) ?? [];
    const allowed = SSH_CONNECT_KEYS.get(key.toLowerCase());
    const known = SSH_CONNECT_KEYS.has(key.toLowerCase()) && (allowed?.test(value) ?? true);
    return known
      ? []
      : [
          modifying(
            "remote.ssh-option",
            `${code("ssh -o", option)} is not an option known to only choose how to connect`,
          ),
        ];
  });
}

/** `docker exec -e NAME=value`: rated like an assignment before the command. */
function containerEnvHits(tool: string, words: readonly string[]): Hit[] {
  return allValues(parseArgs(words, CONTAINER_EXEC), "env").flatMap((value) => {
    const name = value.split("=")[0] ?? "";
    const risk = variableRisk(name);
    if (risk === "harmless") return [];
    const label = `${code(tool, "exec -e", `${name}=…`)}`;
    return risk === "program"
      ? [destructive("env.program", `${label} points the command at another program or script`)]
      : [modifying("env.assignment", `${label} changes how the command runs`)];
  });
}

/** What the rules say about one wrapper on the way to a command. */
function targetHits(target: RemoteTarget): Hit[] {
  const grammar = GRAMMARS[target.kind];
  if (grammar === undefined || target.wrapper === undefined) return [];
  const words = target.wrapper.map((w) => w.value);
  const hits = closedWorldHits(grammar.tool, words, grammar.syntax);
  if (target.kind === "ssh") hits.push(...sshConfigHits(words));
  if (target.kind === "docker-exec" || target.kind === "podman-exec")
    hits.push(...containerEnvHits(grammar.tool, words));
  return hits;
}

/**
 * The rule for commands carried elsewhere (`ssh host cat /etc/hosts`, `kubectl exec pod -- cat
 * /etc/resolv.conf`, `docker exec c ps`): the carried command is classified like a local one,
 * and each wrapper on the way must be fully understood too, its options held to its grammar
 * (closed world); words a remote shell reads again are rated by `reparsedHits` like any
 * inner script's. Anything else keeps the command from being a proven read.
 */
export function remoteHits(command: ShellCommand): Hit[] {
  const hits: Hit[] = [];
  for (let target = command.remote; target !== undefined; target = target.outer)
    hits.push(...targetHits(target));
  return hits;
}

/**
 * A command from shell text that another shell built by expansion (`bash -c "cat $F"`,
 * `ssh host cat "$F"`, `bash <<EOF` with `$…`): the value is read as code, so whatever the
 * text looks like, it may run anything, and a parameter's value would no longer be data.
 */
export function reparsedHits(command: ShellCommand): Hit[] {
  if (command.reparsed === undefined) return [];
  return [
    modifying(
      "shell.reparsed-expansion",
      `${code(command.name)} comes from shell text built by expanding ${code(command.reparsed)}: the inner shell reads that value as code, so it may run anything`,
    ),
  ];
}
