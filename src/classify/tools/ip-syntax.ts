/*
 * iproute2's `ip` as the rules read it (iproute2 6.1, `ip -help` and ip.c): options, objects
 * and commands may all be abbreviated to any prefix, and the first name in iproute2's own
 * order that the word abbreviates wins. Only the commands that show state are listed; any
 * other word where a command belongs is not a proven read. Words after a show command are
 * filters (`dev eth0`, `table main`, `scope global`).
 */

/** One option: whether it takes the next word, and whether it is safe for a read. */
export interface IpOption {
  readonly name: string;
  readonly takesValue: boolean;
  readonly safe: boolean;
}

const opt = (name: string, takesValue = false, safe = true): IpOption => ({
  name,
  takesValue,
  safe,
});

/** In ip.c's order. `-batch` reads commands from a file; `-force` keeps going after errors. */
export const IP_OPTIONS: readonly IpOption[] = [
  opt("loops", true),
  opt("family", true),
  opt("4"),
  opt("6"),
  opt("0"),
  opt("M"),
  opt("B"),
  opt("human"),
  opt("human-readable"),
  opt("iec"),
  opt("stats"),
  opt("statistics"),
  opt("details"),
  opt("resolve"),
  opt("oneline"),
  opt("timestamp"),
  opt("tshort"),
  opt("Version"),
  opt("force", false, false),
  opt("batch", true, false),
  opt("brief"),
  opt("json"),
  opt("pretty"),
  opt("rcvbuf", true),
  opt("color"),
  opt("netns", true),
  opt("Numeric"),
  opt("all"),
  opt("help"),
];

/**
 * Objects in ip.c's order, each with the commands that only show state (`undefined`: the
 * object's default command, when none is written, shows state too).
 */
export const IP_OBJECTS: readonly (readonly [string, readonly string[]])[] = [
  ["address", ["show", "list", "lst"]],
  ["addrlabel", ["list"]],
  ["maddress", ["show", "list", "lst"]],
  ["route", ["show", "list", "lst", "get"]],
  ["rule", ["show", "list", "lst"]],
  ["neighbor", ["show", "list", "lst", "get"]],
  ["neighbour", ["show", "list", "lst", "get"]],
  ["ntable", ["show", "list", "lst"]],
  ["ntbl", ["show", "list", "lst"]],
  ["link", ["show", "list", "lst", "xstats", "afstats"]],
  ["l2tp", []],
  ["fou", []],
  ["ila", []],
  ["macsec", []],
  ["tunnel", ["show", "list", "lst"]],
  ["tuntap", ["show", "list", "lst"]],
  ["tap", ["show", "list", "lst"]],
  ["token", ["list", "show"]],
  ["tcpmetrics", ["show", "list", "lst", "get"]],
  ["tcp_metrics", ["show", "list", "lst", "get"]],
  ["monitor", []],
  ["xfrm", []],
  ["mroute", ["show", "list", "lst"]],
  ["mrule", ["show", "list", "lst"]],
  ["netns", ["list", "list-id", "identify", "pids"]],
  ["netconf", ["show", "list", "lst"]],
  ["vrf", ["show", "list", "lst", "identify", "pids"]],
  ["sr", []],
  ["nexthop", ["show", "list", "lst", "get"]],
  ["mptcp", []],
  ["ioam", []],
  ["stats", ["show"]],
  ["help", []],
];

/** Objects whose default command (none written) only shows state; `ip monitor` watches, which reads too. */
export const IP_READ_WITHOUT_COMMAND: ReadonlySet<string> = new Set(
  IP_OBJECTS.filter(([, reads]) => reads.length > 0)
    .map(([name]) => name)
    .concat(["monitor", "help"]),
);

/**
 * Commands of some object that change state. A written command that abbreviates one of them
 * as well as a show command (`ip route s`: `show` or `save`?) is not a proven read.
 */
export const IP_CHANGE_COMMANDS: readonly string[] = [
  "add",
  "append",
  "attach",
  "change",
  "chg",
  "clear",
  "create",
  "del",
  "delete",
  "detach",
  "exec",
  "flush",
  "prepend",
  "replace",
  "reset",
  "restore",
  "save",
  "set",
  "update",
];
