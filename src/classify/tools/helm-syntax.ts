import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * Helm 3's grammar for the commands that read (helm 3.16 `helm COMMAND --help`): pflag, no
 * abbreviations, global flags anywhere. Any other command, including every plugin (`helm
 * diff` runs the diff plugin's own program), is never a proven read. `!` marks what runs a
 * program (`--post-renderer`), writes files (`template --output-dir`, `--dependency-update`,
 * which downloads charts into the chart's directory) or reads a file into the output the rules
 * cannot see (`--set-file`).
 */

const GLOBAL =
  "burst-limit= debug[=] kube-apiserver= kube-as-group= kube-as-user= kube-ca-file= kube-context= kube-insecure-skip-tls-verify[=] kube-tls-server-name= kube-token= kubeconfig= n,namespace= qps= registry-config= repository-cache= repository-config= h,help[=]";

const verb = (spec: string, maxOperands?: number, subcommands?: Record<string, Syntax>): Syntax =>
  syntax(spec, {
    abbreviate: false,
    inherit: true,
    ...(maxOperands === undefined ? {} : { maxOperands }),
    ...(subcommands === undefined ? {} : { subcommands }),
  });

const LIST =
  "a,all[=] A,all-namespaces[=] d,date[=] deployed[=] failed[=] f,filter= m,max= no-headers[=] offset= o,output= pending[=] r,reverse[=] l,selector= q,short[=] superseded[=] time-format= uninstalled[=] uninstalling[=]";
const GET = "revision= o,output= a,all[=] template=";
const CHART =
  "ca-file= cert-file= devel[=] insecure-skip-tls-verify[=] jsonpath= key-file= keyring= pass-credentials[=] password= plain-http[=] repo= username= verify[=] version=";
const VALUES =
  "f,values= set= set-json= set-literal= set-string= !set-file= api-versions= kube-version= include-crds[=] skip-crds[=] skip-tests[=] is-upgrade[=] validate[=] s,show-only= release-name[=] name-template= g,generate-name[=] description= disable-openapi-validation[=] no-hooks[=] create-namespace[=] atomic[=] wait[=] timeout= labels= !post-renderer= !post-renderer-args= !output-dir= !dependency-update[=] !replace[=] enable-dns[=] hide-notes[=]";

/** helm from the word after the name. */
export const HELM: Syntax = syntax(GLOBAL, {
  abbreviate: false,
  subcommands: {
    list: verb(LIST, 0),
    ls: verb(LIST, 0),
    status: verb("o,output= revision= show-desc[=] show-resources[=]", 1),
    history: verb("max= o,output=", 1),
    hist: verb("max= o,output=", 1),
    get: verb(
      "",
      undefined,
      Object.fromEntries(
        ["all", "hooks", "manifest", "notes", "values", "metadata"].map((name) => [
          name,
          verb(GET, 1),
        ]),
      ),
    ),
    show: verb(
      "",
      undefined,
      Object.fromEntries(
        ["all", "chart", "readme", "values", "crds"].map((name) => [name, verb(CHART, 1)]),
      ),
    ),
    search: verb("", undefined, {
      repo: verb(
        "devel[=] fail-on-no-result[=] max-col-width= o,output= r,regexp[=] version= l,versions[=]",
        1,
      ),
      hub: verb("endpoint= fail-on-no-result[=] list-repo-url[=] max-col-width= o,output=", 1),
    }),
    template: verb(`${VALUES} ${CHART}`, 2),
    // Changes that change nothing under `--dry-run` (client or server: nothing is stored, no
    // hook runs); the rule holds the flag's last value.
    install: verb(
      `${VALUES} ${CHART} dry-run[=] force[=] reset-values[=] reuse-values[=] reset-then-reuse-values[=] cleanup-on-fail[=] history-max= i,install[=] max-history= take-ownership[=] wait-for-jobs[=] skip-schema-validation[=] render-subchart-notes[=] dependency-update[=]`,
      2,
    ),
    upgrade: verb(
      `${VALUES} ${CHART} dry-run[=] force[=] reset-values[=] reuse-values[=] reset-then-reuse-values[=] cleanup-on-fail[=] history-max= i,install[=] max-history= take-ownership[=] wait-for-jobs[=] skip-schema-validation[=] render-subchart-notes[=]`,
      2,
    ),
    lint: verb(
      "quiet[=] strict[=] with-subcharts[=] kube-version= f,values= set= set-json= set-literal= set-string= !set-file=",
      100,
    ),
    version: verb("short[=] template=", 0),
    env: verb("", 1),
    repo: verb("", undefined, { list: verb("o,output=", 0), ls: verb("o,output=", 0) }),
    dependency: verb("", undefined, {
      list: verb("max-col-width=", 1),
      ls: verb("max-col-width=", 1),
    }),
    plugin: verb("", undefined, { list: verb("", 0), ls: verb("", 0) }),
  },
});
