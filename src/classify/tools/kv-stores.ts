import { hasOption, parseArgs } from "../grammar/parse.js";
import type { Syntax } from "../grammar/syntax.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";
import { CONSUL, ETCDCTL, NOMAD, SOPS, VAULT } from "./kv-stores-syntax.js";

/** A command the grammar does not know: the path it took, the unknown verb, and the word after it. */
interface Change {
  readonly path: readonly string[];
  readonly verb: string;
  readonly next: string | undefined;
}

/**
 * A CLI whose reading commands are its grammar's paths: a known path reads (the closed world
 * then checks every word); otherwise `deletes` decides between destructive and modifying.
 */
function pathRule(
  name: string,
  grammar: Syntax,
  deletes: (change: Change) => boolean,
  explain: (change: Change) => Hit | undefined = () => undefined,
): ToolFamily {
  return {
    names: [name],
    syntax: { [name]: grammar },
    rule: ({ args }) => {
      const parsed = parseArgs(args, grammar);
      const verb = parsed.problems.find((p) => p.kind === "unknown-subcommand")?.word;
      if (verb === undefined)
        return readOnly("read.inspect", `${code(name, ...parsed.path)} only reads`);
      const next = parsed.operands.slice(1).find((w) => !w.startsWith("-"));
      const change: Change = { path: parsed.path, verb, next };
      const what = code(name, ...parsed.path, verb);
      if (deletes(change)) return destructive("kv.delete", `${what} deletes stored data`);
      return (
        explain(change) ?? modifying("kv.change", `${what} changes stored data or the cluster`)
      );
    },
  };
}

const vault = pathRule(
  "vault",
  VAULT,
  ({ verb }) => /^(delete|destroy)$/.test(verb),
  ({ path, verb }) =>
    verb === "read" || (path[0] === "kv" && verb === "get")
      ? modifying(
          "vault.read",
          `${code("vault", ...path, verb)} may mint credentials (secrets engines such as database/creds/… create them on read, and \`kv get\` reads a path that is not KV version 2 directly), so it is not a proven read`,
        )
      : undefined,
);

const consul = pathRule(
  "consul",
  CONSUL,
  ({ path, verb }) => path[0] === "kv" && verb === "delete",
);

const nomad = pathRule("nomad", NOMAD, () => false);

const etcdctl = pathRule(
  "etcdctl",
  ETCDCTL,
  ({ verb, next }) => /^(del|compact)$/.test(verb) || (verb === "snapshot" && next === "restore"),
  ({ verb }) =>
    verb === "defrag"
      ? modifying(
          "etcdctl.defrag",
          `${code("etcdctl defrag")} compacts the store in place (no data is deleted)`,
        )
      : undefined,
);

/** `sops -d FILE` prints the decrypted file; any other use encrypts, edits or runs a command. */
const sops: ToolFamily = {
  names: ["sops"],
  syntax: { sops: SOPS },
  rule: ({ args }) =>
    hasOption(parseArgs(args, SOPS), "decrypt")
      ? readOnly("read.inspect", `${code("sops -d")} prints the decrypted file`)
      : modifying("sops.change", `${code("sops", args[0])} encrypts, edits or runs a command`),
};

/** Vault, Consul, Nomad, etcd and sops. */
export const kvStoreFamilies: readonly ToolFamily[] = [vault, consul, nomad, etcdctl, sops];
