import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * kubectl's grammar (kubectl 1.32, `kubectl options` and each subcommand's `--help`; `oc`
 * shares it). Cobra takes global flags anywhere and does not abbreviate; boolean flags accept
 * `--flag=false`, written here as an optional value. Only subcommands that read, or that
 * change nothing under `--dry-run`, are listed: anything else is never proven a read.
 */

const GLOBAL =
  "as= as-group= as-uid= cache-dir= certificate-authority= client-certificate= client-key= cluster= context= disable-compression[=] insecure-skip-tls-verify[=] kubeconfig= log-flush-frequency= match-server-version[=] n,namespace= password= !profile= !profile-output= request-timeout= s,server= tls-server-name= token= user= username= v,v= vmodule= warnings-as-errors[=] h,help";

const verb = (
  spec: string,
  options: { readonly subcommands?: Record<string, Syntax>; readonly maxOperands?: number } = {},
): Syntax => syntax(spec, { abbreviate: false, inherit: true, ...options });

const PRINT = "allow-missing-template-keys[=] o,output= show-managed-fields[=] template=";
const TOP_POD =
  "A,all-namespaces[=] containers[=] field-selector= no-headers[=] l,selector= sort-by= sum[=] use-protocol-buffers[=]";
const TOP_NODE = "no-headers[=] l,selector= show-capacity[=] sort-by= use-protocol-buffers[=]";
const GET = `A,all-namespaces[=] ${PRINT} chunk-size= field-selector= f,filename= ignore-not-found[=] k,kustomize= L,label-columns= no-headers[=] output-watch-events[=] raw= R,recursive[=] l,selector= server-print[=] show-kind[=] show-labels[=] sort-by= subresource= w,watch[=] watch-only[=]`;
const LOGS =
  "all-containers[=] all-pods[=] c,container= f,follow[=] ignore-errors[=] insecure-skip-tls-verify-backend[=] limit-bytes= max-log-requests= pod-running-timeout= prefix[=] p,previous[=] l,selector= since= since-time= tail= timestamps[=]";
const DRY_RUN = `dry-run[=] ${PRINT} field-manager= f,filename= k,kustomize= R,recursive[=] l,selector= validate[=] subresource=`;

const READS: Readonly<Record<string, Syntax>> = {
  get: verb(GET),
  describe: verb(
    "A,all-namespaces[=] chunk-size= f,filename= k,kustomize= R,recursive[=] l,selector= show-events[=]",
  ),
  logs: verb(LOGS),
  log: verb(LOGS),
  top: verb("", {
    subcommands: {
      pod: verb(TOP_POD),
      pods: verb(TOP_POD),
      po: verb(TOP_POD),
      node: verb(TOP_NODE),
      nodes: verb(TOP_NODE),
      no: verb(TOP_NODE),
    },
  }),
  explain: verb("api-version= o,output= recursive[=]"),
  "api-resources": verb(
    "api-group= cached[=] categories= namespaced[=] no-headers[=] o,output= sort-by= verbs=",
  ),
  "api-versions": verb(""),
  version: verb("client[=] o,output="),
  "cluster-info": verb(""),
  events: verb(`A,all-namespaces[=] ${PRINT} chunk-size= for= no-headers[=] types= w,watch[=]`),
  auth: verb("", {
    subcommands: {
      "can-i": verb("A,all-namespaces[=] list[=] no-headers[=] q,quiet[=] subresource="),
      whoami: verb(PRINT),
    },
  }),
  config: verb("", {
    subcommands: {
      view: verb(`${PRINT} flatten[=] merge[=] minify[=] raw[=]`),
      "get-contexts": verb("no-headers[=] o,output="),
      "get-clusters": verb(""),
      "get-users": verb(""),
      "current-context": verb(""),
    },
  }),
  rollout: verb("", {
    subcommands: {
      status: verb(
        "f,filename= k,kustomize= R,recursive[=] revision= l,selector= timeout= w,watch[=]",
      ),
      history: verb(`${PRINT} f,filename= k,kustomize= R,recursive[=] revision= l,selector=`),
    },
  }),
  diff: verb(
    "concurrency= field-manager= f,filename= force-conflicts[=] k,kustomize= prune[=] prune-allowlist= R,recursive[=] l,selector= server-side[=] show-managed-fields[=]",
  ),
  wait: verb(
    `all[=] A,all-namespaces[=] ${PRINT} field-selector= f,filename= for= local[=] R,recursive[=] l,selector= timeout=`,
  ),
  "port-forward": verb("address= pod-running-timeout="),
  proxy: verb(
    "accept-hosts= accept-paths= address= api-prefix= append-server-path[=] !disable-filter[=] keepalive= p,port= reject-methods= reject-paths= u,unix-socket= w,www= P,www-prefix=",
  ),
  kustomize: verb(
    "e,env= helm-api-versions= helm-kube-version= load-restrictor= !as-current-user[=] !enable-alpha-plugins[=] !enable-helm[=] !helm-command= !helm-debug[=] !mount= !network[=] !network-name= !o,output=",
  ),
  completion: verb(""),
  plugin: verb("", { subcommands: { list: verb("name-only[=]") } }),
  options: verb(""),
  help: verb(""),
  whoami: verb(`${PRINT} show-token[=] show-context[=] show-server[=] show-console[=]`),
  status: verb("o,output= suggest[=]"),
  adm: verb("", {
    subcommands: {
      top: verb("", {
        subcommands: {
          pod: verb(TOP_POD),
          pods: verb(TOP_POD),
          node: verb(TOP_NODE),
          nodes: verb(TOP_NODE),
        },
      }),
      "node-logs": verb(
        "boot= case-sensitive[=] g,grep= path= raw[=] role= l,selector= since= tail= unit= until=",
      ),
      "who-can": verb("A,all-namespaces[=] o,output= template= allow-missing-template-keys[=]"),
    },
  }),
  projects: verb("q,short[=]"),
  // The wrapper part of `kubectl exec POD -- CMD`: the command itself is classified on its own.
  exec: verb("c,container= f,filename= pod-running-timeout= q,quiet[=] i,stdin[=] t,tty[=]", {
    maxOperands: 1,
  }),
  // Changes that change nothing under `--dry-run=client|server`.
  apply: verb(
    `${DRY_RUN} all[=] cascade= force[=] force-conflicts[=] grace-period= openapi-patch[=] overwrite[=] prune[=] prune-allowlist= server-side[=] timeout= wait[=]`,
  ),
  create: verb(`${DRY_RUN} !edit[=] !raw= save-config[=] windows-line-endings[=]`),
  delete: verb(
    `${DRY_RUN} all[=] A,all-namespaces[=] cascade= field-selector= force[=] grace-period= ignore-not-found[=] !i,interactive[=] now[=] !raw= timeout= wait[=]`,
  ),
  patch: verb(`${DRY_RUN} local[=] p,patch= patch-file= type=`),
  replace: verb(`${DRY_RUN} cascade= force[=] grace-period= !raw= save-config[=] timeout= wait[=]`),
  scale: verb(`${DRY_RUN} all[=] current-replicas= replicas= resource-version= timeout=`),
  label: verb(
    `${DRY_RUN} all[=] A,all-namespaces[=] field-selector= list[=] local[=] overwrite[=] resource-version=`,
  ),
  annotate: verb(
    `${DRY_RUN} all[=] A,all-namespaces[=] field-selector= list[=] local[=] overwrite[=] resource-version=`,
  ),
};

/** kubectl (and oc) from the command name on. */
export const KUBECTL: Syntax = syntax(GLOBAL, { abbreviate: false, subcommands: READS });
