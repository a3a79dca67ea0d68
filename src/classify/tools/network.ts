import { hasLong, hasShort, positionals } from "../args.js";
import { hasOption, parseArgs } from "../grammar/parse.js";
import { IPTABLES, IPTABLES_SAVE, NFT, ROUTE, TC, UFW } from "./network-syntax.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  provenBy,
  readOnly,
  type ToolFamily,
} from "../hit.js";
import {
  IP_CHANGE_COMMANDS,
  IP_OBJECTS,
  IP_OPTIONS,
  IP_READ_WITHOUT_COMMAND,
} from "./ip-syntax.js";

const ipProblem = (word: string, why: string): Hit =>
  modifying(
    "grammar.ip",
    `${code("ip")}: ${code(word)} ${why}, so the command is not a proven read`,
  );

/** Where `ip`'s options end, with the problems among them. */
function ipOptions(args: readonly string[]): { end: number; problems: Hit[] } {
  const problems: Hit[] = [];
  let i = 0;
  for (; i < args.length; i++) {
    const word = args[i] ?? "";
    if (!word.startsWith("-") || word === "-") break;
    const name = word.replace(/^--?/, "").split("=")[0] ?? "";
    const candidates = IP_OPTIONS.filter((o) => name !== "" && o.name.startsWith(name));
    const first = candidates[0];
    if (first === undefined) problems.push(ipProblem(word, "is not an option the rules know"));
    else if (candidates.some((o) => !o.safe))
      problems.push(ipProblem(word, "is not known to be safe for a read"));
    else if (candidates.some((o) => o.takesValue !== first.takesValue))
      problems.push(ipProblem(word, "abbreviates more than one option"));
    if (candidates.some((o) => o.takesValue) && !word.includes("=")) i++;
  }
  return { end: i, problems };
}

/** The closed world for `ip`: known safe options, a known object, and a command that only shows. */
function ipReadProblems(args: readonly string[]): Hit[] {
  const { end, problems } = ipOptions(args);
  const object = args[end];
  if (object === undefined) return problems;
  const found = IP_OBJECTS.find(([name]) => name.startsWith(object));
  if (found === undefined)
    return [...problems, ipProblem(object, "is not an object the rules know")];
  const [name, reads] = found;
  const command = args[end + 1];
  if (command === undefined)
    return IP_READ_WITHOUT_COMMAND.has(name)
      ? problems
      : [...problems, ipProblem(`ip ${name}`, "without a command is not known to only show state")];
  const shows = command === "help" || reads.some((r) => r.startsWith(command));
  const changes = IP_CHANGE_COMMANDS.some((c) => c.startsWith(command));
  return shows && !changes
    ? problems
    : [
        ...problems,
        ipProblem(command, `is not a command of ${code("ip", name)} known to only show state`),
      ];
}

const network: ToolFamily = {
  // `ip` is held to iproute2's grammar inside the rule (ip-syntax.ts): it takes the first name
  // a prefix matches, which a syntax table cannot express.
  readsProvenBy: provenBy(["ip"], "own-grammar"),
  names: [
    "ip",
    "iptables",
    "iptables-save",
    "ip6tables-save",
    "iptables-restore",
    "ip6tables-restore",
    "ip6tables",
    "nft",
    "ufw",
    "firewall-cmd",
    "route",
    "tc",
    "brctl",
    "iw",
  ],
  syntax: {
    iptables: IPTABLES,
    ip6tables: IPTABLES,
    "iptables-save": IPTABLES_SAVE,
    "ip6tables-save": IPTABLES_SAVE,
    nft: NFT,
    ufw: UFW,
    route: ROUTE,
    tc: TC,
  },
  rule: ({ name, args }) => {
    const ops = positionals(args, { short: "tn" });
    if (name === "ip") {
      const verb = ops.find(
        (o, i) =>
          i > 0 &&
          /^(add|del|delete|change|replace|set|flush|append|prepend|link|up|down)$/.test(o),
      );
      if (ops[0] === "link" && ops.includes("set") && ops.includes("down"))
        return destructive(
          "network.link-down",
          `${code("ip link set … down")} takes a network interface down`,
        );
      if (verb === "flush")
        return destructive("network.flush", `${code("ip … flush")} removes every address or route`);
      if (verb !== undefined)
        return modifying(
          "network.change",
          `${code("ip", ops[0], verb)} changes network configuration`,
        );
      const problems = ipReadProblems(args);
      return problems.length > 0
        ? problems
        : readOnly("network.read", `${code("ip", ops[0])} only shows network state`);
    }
    if (name.endsWith("-save"))
      return readOnly("network.read", `${code(name)} prints firewall rules`);
    if (name.endsWith("-restore"))
      return modifying("network.change", `${code(name)} replaces firewall rules`);
    if (name === "iptables" || name === "ip6tables") {
      const policy = args.findIndex((a) => a === "-P" || a === "--policy");
      if (policy >= 0 && /^(DROP|REJECT)$/i.test(args[policy + 2] ?? ""))
        return destructive(
          "network.policy-drop",
          `${code(name, "-P", args[policy + 1], args[policy + 2])} drops all traffic the rules do not allow`,
        );
      if (hasShort(args, "FX") || hasLong(args, ["flush", "delete-chain"]))
        return destructive("network.flush", `${code(name, "-F")} deletes firewall rules`);
      const parsed = parseArgs(args, IPTABLES);
      if (hasOption(parsed, "list") || hasOption(parsed, "list-rules"))
        return readOnly("network.read", `${code(name, "-L")} lists firewall rules`);
      return modifying("network.change", `${code(name)} changes firewall rules`);
    }
    if (name === "nft") {
      if (ops[0] === "flush" || ops[0] === "delete")
        return destructive("network.flush", `${code("nft", ops[0])} deletes firewall rules`);
      return ops[0] === "list" || ops.length === 0
        ? readOnly("network.read", `${code("nft list")} lists firewall rules`)
        : modifying("network.change", `${code("nft", ops[0])} changes firewall rules`);
    }
    if (name === "ufw" && (ops[0] === "status" || ops[0] === "show" || ops[0] === "app"))
      return readOnly("network.read", `${code("ufw", ops[0])} shows firewall state`);
    if (name === "ufw" && ops[0] === "reset")
      return destructive("network.flush", `${code("ufw reset")} deletes firewall rules`);
    if (
      name === "firewall-cmd" &&
      args.every((a) => /^--(get|list|query|state)/.test(a) || !a.startsWith("--"))
    )
      return readOnly("network.read", `${code("firewall-cmd --list")} shows firewall state`);
    if (
      ((name === "route" || name === "iw" || name === "brctl" || name === "tc") &&
        !ops.some((o) =>
          /^(add|del|delete|change|replace|set|addbr|delbr|addif|delif|qdisc)$/.test(o),
        )) ||
      (name === "tc" && ops[1] === "show")
    )
      return readOnly("network.read", `${code(name)} shows network state`);
    return modifying("network.change", `${code(name, ops[0])} changes network configuration`);
  },
};

/** Network configuration tools. */
export const networkFamilies: readonly ToolFamily[] = [network];
