import { hasLong, hasShort, positionals } from "../args.js";
import { code, destructive, modifying, readOnly, type ToolFamily } from "../hit.js";

const network: ToolFamily = {
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
      return verb === undefined
        ? readOnly("network.read", `${code("ip", ops[0])} only shows network state`)
        : modifying("network.change", `${code("ip", ops[0], verb)} changes network configuration`);
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
      if (hasShort(args, "LS") || hasLong(args, ["list", "list-rules"]))
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
