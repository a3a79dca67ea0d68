import { hasLong, positionals, type ValueOptions } from "../args.js";
import { hasOption, lastValue, type ParsedArgs, parseArgs } from "../grammar/parse.js";
import { HELM } from "./helm-syntax.js";
import { KUBECTL } from "./kube-syntax.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  readOnly,
  type ToolFamily,
  unknown,
} from "../hit.js";

const READ: ReadonlySet<string> = new Set([
  "get",
  "describe",
  "logs",
  "log",
  "top",
  "explain",
  "api-resources",
  "api-versions",
  "version",
  "cluster-info",
  "diff",
  "events",
  "wait",
  "port-forward",
  "proxy",
  "completion",
  "kustomize",
  "whoami",
  "status",
  "projects",
  "plugin",
  "options",
  "help",
  "can-i",
]);
const DESTRUCTIVE: ReadonlySet<string> = new Set(["delete"]);
const MODIFY_MESSAGES: Readonly<Record<string, string>> = {
  apply: "applies manifests to the cluster",
  create: "creates cluster objects",
  patch: "patches cluster objects",
  edit: "edits cluster objects interactively",
  replace: "replaces cluster objects",
  scale: "changes replica counts",
  label: "changes labels",
  annotate: "changes annotations",
  set: "changes object fields",
  expose: "creates a service",
  autoscale: "creates an autoscaler",
  cordon: "marks a node unschedulable",
  uncordon: "marks a node schedulable",
  taint: "changes node taints",
  cp: "copies files into or out of pods",
  run: "starts a pod",
  exec: "runs a command in a pod",
  attach: "attaches to a running container",
  debug: "starts a debugging container",
  certificate: "approves or denies certificates",
  config: "changes kubeconfig",
  login: "logs in",
  project: "switches project",
  "new-app": "creates an application",
  "start-build": "starts a build",
  adm: "runs cluster administration",
  rsh: "opens a shell in a pod",
  rollout: "changes a rollout",
};

/** `kubectl rollout status|history` read; `rollout restart|undo|pause|resume` change. */
function rollout(tool: string, action: string | undefined): Hit {
  if (action === "status" || action === "history")
    return readOnly(
      `${tool}.rollout-read`,
      `${code(tool, "rollout", action)} only shows rollout state`,
    );
  return modifying(`${tool}.rollout`, `${code(tool, "rollout", action)} changes a rollout`);
}

/** Verbs whose `--dry-run=client|server` sends nothing that changes the cluster. */
const DRY_RUN_VERBS: ReadonlySet<string> = new Set([
  "apply",
  "create",
  "delete",
  "patch",
  "replace",
  "scale",
  "label",
  "annotate",
]);

/** `--dry-run`, `--dry-run=client`, `--dry-run=server` (the last one given wins). */
function isDryRun(parsed: ParsedArgs): boolean {
  if (!hasOption(parsed, "dry-run")) return false;
  const value = lastValue(parsed, "dry-run");
  return value === undefined || value === "client" || value === "server" || value === "true";
}

/** `kubectl drain` and `oc adm drain`: the same verb, the same level. */
function drain(tool: string, args: readonly string[]): Hit {
  return hasLong(args, ["delete-emptydir-data", "delete-local-data", "force", "disable-eviction"])
    ? destructive(
        `${tool}.drain-force`,
        `${code(tool, "drain --force")} evicts pods and deletes their local data`,
      )
    : modifying(`${tool}.drain`, `${code(tool, "drain")} evicts every pod from a node`);
}

function kube(tool: "kubectl" | "oc"): ToolFamily["rule"] {
  return ({ args, nested }) => {
    const parsed = parseArgs(args, KUBECTL);
    const known = parsed.path.length > 0;
    const ops = known ? [...parsed.path, ...parsed.operands] : parsed.operands;
    const verb = ops[0];
    if (verb === undefined)
      return readOnly(`${tool}.read`, `${code(tool)} without a command prints help`);
    if (known && DRY_RUN_VERBS.has(verb) && isDryRun(parsed))
      return readOnly(`${tool}.dry-run`, `${code(tool, verb, "--dry-run")} changes nothing`);
    if (
      !known &&
      parsed.problems.some((p) => p.kind === "unknown-subcommand") &&
      !KNOWN_VERBS.has(verb)
    )
      return modifying(
        `${tool}.plugin`,
        `${code(tool, verb)} is not a ${tool} command the rules know; ${tool} runs the plugin ${code(`${tool}-${verb}`)} from PATH`,
      );
    if (verb === "rollout") return rollout(tool, ops[1]);
    if (verb === "run" || verb === "debug") {
      // `kubectl run pod --image=x -- cmd…`: classify the command the pod runs too.
      const dashes = args.indexOf("--");
      const started = modifying(
        `${tool}.${verb}`,
        `${code(tool, verb)} ${MODIFY_MESSAGES[verb] ?? "starts a pod"}`,
      );
      return dashes < 0
        ? started
        : [started, ...nested.argv(args.slice(dashes + 1)).filter((h) => h.risk !== "read_only")];
    }
    if (verb === "auth")
      return ops[1] === "can-i" || ops[1] === "whoami"
        ? readOnly(`${tool}.read`, `${code(tool, "auth", ops[1])} only checks access`)
        : modifying(`${tool}.auth`, `${code(tool, "auth", ops[1])} changes RBAC`);
    if (verb === "config") {
      const sub = ops[1] ?? "";
      if (/^(view|get-contexts|get-clusters|get-users|current-context)$/.test(sub))
        return readOnly(
          `${tool}.config-read`,
          `${code(tool, "config", sub)} only shows kubeconfig`,
        );
      if (/^(delete-context|delete-cluster|delete-user|unset)$/.test(sub))
        return modifying(
          `${tool}.config`,
          `${code(tool, "config", sub)} removes kubeconfig entries`,
        );
      return modifying(`${tool}.config`, `${code(tool, "config", sub)} changes kubeconfig`);
    }
    if (verb === "drain") return drain(tool, args);
    if (verb === "adm") {
      const sub = ops[1] ?? "";
      if (/^(top|node-logs|who-can|verify-image-signature)$/.test(sub))
        return readOnly(`${tool}.read`, `${code(tool, "adm", sub)} only reads`);
      if (sub === "drain") return drain(tool, args);
      if (sub === "must-gather" || sub === "inspect")
        return modifying(
          `${tool}.must-gather`,
          `${code(tool, "adm", sub)} starts pods (in a new namespace) and writes a directory`,
        );
      if (sub === "prune")
        return destructive(
          `${tool}.adm-prune`,
          `${code(tool, "adm", sub)} deletes cluster objects`,
        );
      return modifying(
        `${tool}.adm`,
        `${code(tool, "adm", sub)} changes cluster administration state`,
      );
    }
    if (DESTRUCTIVE.has(verb))
      return destructive(`${tool}.delete`, `${code(tool, "delete")} removes cluster objects`);
    if (
      (verb === "replace" || verb === "apply") &&
      (hasLong(args, ["force", "prune"]) || args.includes("--force"))
    )
      return destructive(
        `${tool}.${verb}-force`,
        `${code(tool, verb, "--force/--prune")} deletes and recreates cluster objects`,
      );
    if (READ.has(verb))
      return readOnly(`${tool}.read`, `${code(tool, verb)} only reads cluster state`);
    const message = MODIFY_MESSAGES[verb];
    if (message !== undefined)
      return modifying(`${tool}.${verb}`, `${code(tool, verb)} ${message}`);
    return unknown(
      `${tool}.unknown`,
      `${code(tool, verb)} is not a ${tool} command the rules know`,
    );
  };
}

/** Built-in verbs (read, changing or destructive): any other verb runs a plugin. */
const KNOWN_VERBS: ReadonlySet<string> = new Set([
  ...READ,
  ...DESTRUCTIVE,
  ...Object.keys(MODIFY_MESSAGES),
  ...["rollout", "run", "debug", "auth", "config", "drain", "adm", "kustomize", "events"],
  ...["certificate", "token", "alpha", "apply", "wait", "explain", "cluster-info", "top"],
]);

const HELM_OPTIONS: ValueOptions = {
  short: "nfo",
  long: [
    "namespace",
    "kube-context",
    "kubeconfig",
    "values",
    "set",
    "set-string",
    "set-file",
    "version",
    "output",
    "repo",
    "timeout",
    "revision",
    "max",
    "registry-config",
    "repository-config",
    "repository-cache",
    "post-renderer",
    "description",
    "username",
    "password",
  ],
};

/** `helm … --dry-run[=client|server|true]`, the last one written winning (`--dry-run=false` is none). */
function isHelmDryRun(args: readonly string[]): boolean {
  const parsed = parseArgs(args, HELM);
  if (!hasOption(parsed, "dry-run")) return false;
  const value = lastValue(parsed, "dry-run");
  return value === undefined || value === "client" || value === "server" || value === "true";
}

const helm: ToolFamily = {
  names: ["helm"],
  syntax: { helm: HELM },
  rule: ({ name, args }) => {
    const ops = positionals(args, HELM_OPTIONS);
    const verb = ops[0] ?? "";
    const sub = ops[1] ?? "";
    if (args.some((a) => a.startsWith("--post-renderer")))
      return modifying(
        "helm.post-renderer",
        `${code(name, verb, "--post-renderer")} runs another program on the rendered manifests`,
      );
    if (isHelmDryRun(args))
      return readOnly("helm.dry-run", `${code(name, verb, "--dry-run")} changes nothing`);
    if (/^(uninstall|delete|del|un|destroy)$/.test(verb))
      return destructive("helm.uninstall", `${code(name, verb)} removes a release and its objects`);
    if (
      /^(list|ls|status|get|history|hist|show|inspect|search|template|lint|version|env|help|completion)$/.test(
        verb,
      ) ||
      ((verb === "repo" ||
        verb === "dependency" ||
        verb === "dep" ||
        verb === "plugin" ||
        verb === "registry") &&
        /^(list|ls)$/.test(sub))
    )
      return readOnly("helm.read", `${code(name, verb)} only reads releases or charts`);
    if (verb === "") return readOnly("helm.read", `${code(name)} prints help`);
    return modifying("helm.change", `${code(name, verb)} changes releases, repositories or charts`);
  },
};

/** kubectl, oc and helm rules. */
export const kubeFamilies: readonly ToolFamily[] = [
  {
    names: ["kubectl", "k", "kubecolor", "microk8s.kubectl"],
    rule: kube("kubectl"),
    syntax: { kubectl: KUBECTL, k: KUBECTL, kubecolor: KUBECTL, "microk8s.kubectl": KUBECTL },
  },
  { names: ["oc"], rule: kube("oc"), syntax: { oc: KUBECTL } },
  helm,
];
