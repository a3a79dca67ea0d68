import { hasOption, parseArgs } from "../grammar/parse.js";
import { syntax } from "../grammar/syntax.js";
import { code, modifying, readOnly, type ToolFamily, unknown } from "../hit.js";

/*
 * Storage and virtualisation CLIs seen in real runbooks: their status commands are reads; any
 * other subcommand is unknown (and destructive when its words name a deletion).
 */

const CEPH = syntax(
  "s,status w,watch watch-debug watch-info watch-sec watch-warn watch-error f,format= c,conf= cluster= i,in-file= id,user= n,name= k,keyring= connect-timeout= detail h,help version",
);
const CEPH_READ =
  /^(health|status|df|-s|versions|version|quorum_status|mon (stat|dump)|osd (tree|df|stat|status|ls|dump|perf|utilization|pool (ls|stats|get))|pg (stat|dump|ls)|fs (status|ls|dump)|mgr (stat|dump|services)|auth (ls|list|get)|features|time-sync-status|log last|crash (ls|info))\b/;

const RADOS = syntax("p,pool= c,conf= id= n,name= cluster= format= f= h,help");
const RADOS_READ =
  /^(df|lspools|ls|stat|list-inconsistent-pg|list-inconsistent-obj|listxattr|getxattr|listomapkeys|listomapvals|getomapval|listwatchers)\b/;

const VIRSH = syntax(
  "c,connect= r,readonly q,quiet d,debug= l,log= k,keepalive-interval= K,keepalive-count= t,timing h,help v,V,version all inactive name uuid table title state-running state-shutoff state-paused persistent transient with-snapshot without-snapshot managed-save autostart no-autostart details domain= config live current inactive security-info migratable update-cpu type= interface= human",
);
const VIRSH_READ =
  /^(list|dominfo|domstate|domid|domname|domuuid|dumpxml|domblklist|domiflist|domifaddr|domblkinfo|domblkstat|domifstat|dommemstat|domstats|domjobinfo|vcpuinfo|vcpucount|nodeinfo|nodememstats|nodecpustats|version|capabilities|hostname|uri|sysinfo|net-list|net-info|net-dumpxml|net-dhcp-leases|pool-list|pool-info|pool-dumpxml|vol-list|vol-info|vol-dumpxml|snapshot-list|snapshot-info|snapshot-current|iface-list|nodedev-list|secret-list|nwfilter-list|help)$/;

/** mikefarah's yq (Go) and kislyuk's yq (jq for YAML): `-i` edits in place, `-s` splits into files. */
const YQ = syntax(
  "y,yaml-output,yml-output Y,yaml-roundtrip,yml-roundtrip yaml-output-grammar-version,yml-out-ver= w,width= indentless-lists,indentless !i,in-place,inplace version h,help c n e r R C M S tab arg= argjson= slurpfile= rawfile= args jsonargs o,output-format= p,input-format= I,indent= P,prettyPrint N,no-doc 0,nul-output v,verbose unwrapScalar expression= from-file= front-matter= header-preprocess no-colors colors !s,split-exp= x,xml-output j,tojson",
);

/** The operands after the global options, joined (`osd pool ls`). */
function verbs(args: readonly string[], grammar: typeof CEPH): string {
  return parseArgs(args, grammar).operands.join(" ");
}

const ceph: ToolFamily = {
  names: ["ceph"],
  rule: ({ args }) => {
    const ops = verbs(args, CEPH);
    if (ops === "" || CEPH_READ.test(ops) || hasOption(parseArgs(args, CEPH), "status"))
      return readOnly("ceph.read", `${code("ceph", ops.split(" ")[0])} only shows cluster state`);
    return unknown("ceph.unknown", `${code("ceph", ops)} is not a ceph command the rules know`);
  },
  syntax: { ceph: CEPH },
};

const rados: ToolFamily = {
  names: ["rados"],
  rule: ({ args }) => {
    const ops = verbs(args, RADOS);
    if (RADOS_READ.test(ops))
      return readOnly("rados.read", `${code("rados", ops.split(" ")[0])} only reads`);
    return unknown("rados.unknown", `${code("rados", ops)} is not a rados command the rules know`);
  },
  syntax: { rados: RADOS },
};

const virsh: ToolFamily = {
  names: ["virsh"],
  rule: ({ args }) => {
    const verb = parseArgs(args, VIRSH).operands[0] ?? "";
    if (VIRSH_READ.test(verb))
      return readOnly("virsh.read", `${code("virsh", verb)} only shows virtual machines`);
    return unknown("virsh.unknown", `${code("virsh", verb)} is not a virsh command the rules know`);
  },
  syntax: { virsh: VIRSH },
};

const yq: ToolFamily = {
  names: ["yq"],
  rule: ({ args }) =>
    hasOption(parseArgs(args, YQ), "in-place")
      ? modifying("yq.in-place", `${code("yq -i")} edits files in place`)
      : readOnly("read.filter", `${code("yq")} prints filtered YAML`),
  syntax: { yq: YQ },
};

/** ceph, rados, virsh and yq. */
export const infraFamilies: readonly ToolFamily[] = [ceph, rados, virsh, yq];
