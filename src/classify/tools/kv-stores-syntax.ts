import { cobra } from "../grammar/cobra.js";
import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The reading commands of HashiCorp's Vault, Consul and Nomad CLIs, etcd's etcdctl (v3) and
 * sops, from their manuals (`vault kv get -h`, `consul members -h`, `nomad job status -h`,
 * `etcdctl get --help`, `sops --help`). Vault, Consul and Nomad parse with Go's flag package:
 * one or two dashes, `-flag=value` or `-flag value`, no abbreviations, no clusters, and flags
 * end at the first operand. etcdctl is cobra (no abbreviations, flags anywhere); sops is
 * urfave/cli on Go's flag package (one or two dashes, flags before the file). `!` marks what is not a proven read: request headers,
 * response wrapping (it mints a token), files written (`sops --output`), commands run
 * (`etcdctl watch -i` reads watch commands, which may exec, from standard input).
 */

/** A Go `flag` level. */
const go = (spec: string, subcommands?: Readonly<Record<string, Syntax>>): Syntax =>
  syntax(`h,help ${spec}`, {
    abbreviate: false,
    singleDashLong: true,
    permute: false,
    ...(subcommands === undefined ? {} : { subcommands }),
  });

/** Vault's HTTP and output options, accepted by every command. */
const VAULT_COMMON =
  "address= agent-address= ca-cert= ca-path= client-cert= client-key= namespace=,ns= tls-server-name= tls-skip-verify[=] disable-redirects[=] non-interactive[=] output-curl-string[=] output-policy[=] policy-override[=] mfa= format= field= !header= !wrap-ttl= !unlock-key=";

/**
 * `vault`: `read` is not here: secrets engines mint credentials on read (`database/creds/…`,
 * `aws/creds/…`), so it changes state. Nor is `kv get`: on a mount that is not KV version 2
 * it reads the path directly (`vault kv get database/creds/ro` is that read). `kv metadata
 * get` only reaches a KV v2 mount's `metadata/` path.
 */
export const VAULT: Syntax = go("version[=]", {
  status: go(VAULT_COMMON),
  version: go(""),
  list: go(VAULT_COMMON),
  kv: go("", {
    list: go(`${VAULT_COMMON} mount=`),
    metadata: go("", { get: go(`${VAULT_COMMON} mount=`) }),
  }),
  token: go("", { lookup: go(`${VAULT_COMMON} accessor[=]`) }),
});

const CONSUL_HTTP =
  "http-addr= token= token-file= ca-file= ca-path= client-cert= client-key= tls-server-name= datacenter= stale[=] namespace= partition=";

/** `consul`: members, info, `kv get`, the catalog and version. */
export const CONSUL: Syntax = go("version[=]", {
  members: go(`${CONSUL_HTTP} detailed[=] status= wan[=] segment=`),
  info: go(CONSUL_HTTP),
  version: go("format="),
  kv: go("", { get: go(`${CONSUL_HTTP} base64[=] detailed[=] keys[=] recurse[=] separator=`) }),
  catalog: go("", {
    services: go(`${CONSUL_HTTP} node= node-meta= tags[=] filter=`),
    nodes: go(`${CONSUL_HTTP} detailed[=] near= node-meta= service= filter=`),
    datacenters: go(CONSUL_HTTP),
  }),
});

const NOMAD_API =
  "address= region= namespace= no-color[=] force-color[=] ca-cert= ca-path= client-cert= client-key= tls-server-name= tls-skip-verify[=] token=";
const NOMAD_OUT = "json[=] t= verbose[=]";

/** `nomad`: status and version, job, node and alloc status. */
export const NOMAD: Syntax = go("version[=]", {
  status: go(`${NOMAD_API} ${NOMAD_OUT}`),
  version: go(""),
  job: go("", {
    status: go(`${NOMAD_API} ${NOMAD_OUT} all-allocs[=] evals[=] short[=]`),
    history: go(`${NOMAD_API} ${NOMAD_OUT} full[=] p[=] version=`),
  }),
  node: go("", {
    status: go(
      `${NOMAD_API} ${NOMAD_OUT} allocs[=] self[=] stats[=] short[=] os[=] quiet[=] filter=`,
    ),
  }),
  alloc: go("", { status: go(`${NOMAD_API} ${NOMAD_OUT} short[=] stats[=]`) }),
});

/** `etcdctl` (v3): get, watch, member list, endpoint health/status, version. Not `check perf` (it writes keys). */
export const ETCDCTL: Syntax = cobra(
  "endpoints= dial-timeout= command-timeout= keepalive-time= keepalive-timeout= cacert= cert= key= insecure-transport[=] insecure-skip-tls-verify[=] insecure-discovery[=] discovery-srv= discovery-srv-name= user= password= w,write-out= hex[=] debug[=]",
  {
    get: cobra(
      "prefix[=] from-key[=] limit= rev= keys-only[=] count-only[=] print-value-only[=] sort-by= order= consistency= max-create-rev= min-create-rev= max-mod-rev= min-mod-rev=",
    ),
    // `watch KEY [RANGE_END] [--] CMD…` runs CMD on every event: one operand only.
    watch: cobra(
      "prefix[=] rev= prev-kv[=] progress-notify[=] !i,interactive[=]",
      {},
      { maxOperands: 1 },
    ),
    member: cobra("", { list: cobra("") }),
    endpoint: cobra("cluster[=]", { health: cobra(""), status: cobra(""), hashkv: cobra("rev=") }),
    version: cobra(""),
  },
);

/** `sops -d FILE`: decrypt to standard output, never in place or to `--output`. */
export const SOPS: Syntax = syntax(
  "d,decrypt extract= input-type= output-type= ignore-mac indent= config= verbose h,help v,version !i,in-place !output= !e,encrypt !r,rotate !s,show-master-keys !exec= !keyservice= !enable-local-keyservice",
  { abbreviate: false, permute: false, singleDashLong: true, maxOperands: 1 },
);
