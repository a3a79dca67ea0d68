import { hasLong, hasShort, positionals, type ValueOptions } from "../args.js";
import { COMPOSE, CRICTL, CTR, DOCKER } from "./docker-syntax.js";
import { code, destructive, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";

const OPTIONS: ValueOptions = {
  short: "fpHcelwunv",
  long: [
    "host",
    "context",
    "config",
    "log-level",
    "file",
    "project-name",
    "project-directory",
    "env-file",
    "profile",
    "filter",
    "format",
    "name",
    "env",
    "user",
    "workdir",
    "network",
    "volume",
    "publish",
    "label",
    "tag",
    "platform",
    "entrypoint",
    "since",
    "until",
    "tail",
    "mount",
    "memory",
    "cpus",
    "restart",
    "hostname",
    "add-host",
    "build-arg",
    "target",
    "signal",
    "time",
    "timeout",
    "scale",
    "ansi",
    "progress",
    "detach-keys",
    "driver",
    "opt",
    "subnet",
    "gateway",
    "cap-add",
    "cap-drop",
    "device",
    "dns",
    "log-driver",
    "log-opt",
    "health-cmd",
    "ulimit",
    "pull",
    "output",
  ],
};

const READ =
  /^(ps|images|inspect|logs|stats|top|version|info|history|events|port|diff|search|ls|df|wait|help|pods|inspectp|inspecti|statsp|imagefsinfo|img)$/;
/** ctr's object groups: `ctr images ls`, `ctr tasks kill`. */
const CTR_GROUPS =
  /^(containers|container|c|images|image|i|tasks|task|t|namespaces|namespace|ns|content|leases|plugins|plugin|snapshots|snapshot|sandboxes|sandbox)$/;
const GROUP_READ =
  /^(ls|list|inspect|ps|df|history|show|logs|top|port|images|config|version|events)$/;
const DESTRUCTIVE = /^(rm|rmi|rmp|prune|down|remove|delete)$/;

const containers: ToolFamily = {
  names: ["docker", "podman", "nerdctl", "docker-compose", "podman-compose", "crictl", "ctr"],
  syntax: {
    docker: DOCKER,
    podman: DOCKER,
    nerdctl: DOCKER,
    "docker-compose": COMPOSE,
    "podman-compose": COMPOSE,
    crictl: CRICTL,
    ctr: CTR,
  },
  rule: ({ name, args, nested }) => {
    const ops = positionals(args, OPTIONS);
    let i = 0;
    if (ops[0] === "compose" || name.endsWith("-compose")) i = ops[0] === "compose" ? 1 : 0;
    const group =
      [
        "container",
        "image",
        "volume",
        "network",
        "system",
        "builder",
        "buildx",
        "plugin",
        "secret",
        "config",
        "service",
        "stack",
        "node",
        "swarm",
        "context",
        "pod",
        "machine",
      ].includes(ops[i] ?? "") ||
      (name === "ctr" && CTR_GROUPS.test(ops[i] ?? ""))
        ? ops[i]
        : undefined;
    const verb = (group === undefined ? ops[i] : ops[i + 1]) ?? "";
    const label = code(name, i === 1 ? "compose" : undefined, group, verb);
    if (verb === "") return readOnly("docker.read", `${code(name)} prints help`);
    if (verb === "run" && group === undefined) {
      // `docker run [opts] image cmd…`: the command may reach the host through mounts.
      const image = ops[i + 1];
      const inner =
        image === undefined ? [] : args.slice(args.indexOf(image, args.indexOf("run") + 1) + 1);
      const started = modifying("docker.change", `${label} starts a container`);
      return inner.length === 0
        ? started
        : [started, ...nested.argv(inner).filter((h) => h.risk !== "read_only")];
    }
    if (group === "system" && verb === "df")
      return readOnly("docker.read", `${label} only shows disk usage`);
    if (verb === "down") {
      return hasShort(args, "v") || hasLong(args, ["volumes", "rmi"])
        ? destructive("docker.down-volumes", `${label} removes containers and their volumes`)
        : modifying("docker.down", `${label} stops and removes containers`);
    }
    if (verb === "prune" || (group === "volume" && /^(rm|remove|prune)$/.test(verb)))
      return destructive("docker.prune", `${label} deletes data that cannot be recovered`);
    if (DESTRUCTIVE.test(verb))
      return destructive("docker.remove", `${label} removes containers, images or other objects`);
    if ((group === undefined ? READ : GROUP_READ).test(verb))
      return readOnly("docker.read", `${label} only reads`);
    if (
      /^(run|start|stop|restart|kill|pause|unpause|build|pull|push|tag|create|commit|cp|exec|up|save|load|import|export|update|rename|login|logout|attach|scale|connect|disconnect|use|install|enable|disable|deploy|init|join|leave|promote|demote|set|upgrade|watch)$/.test(
        verb,
      )
    )
      return modifying(
        "docker.change",
        `${label} changes containers, images or their configuration`,
      );
    return unknown("docker.unknown", `${label} is not a ${name} command the rules know`);
  },
};

/** Container engines and compose. */
export const containerFamilies: readonly ToolFamily[] = [containers];
