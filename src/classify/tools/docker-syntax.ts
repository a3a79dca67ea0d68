import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The container engines' grammar for the commands that read (docker 27 `docker COMMAND
 * --help`, podman 5 and nerdctl alike; compose 2): pflag, no abbreviations, options anywhere,
 * a boolean may be written `--flag=false`. Only reading commands are listed; any other
 * (`run`, `exec`, `cp`, `build`, `compose up`…) is never a proven read. `!` marks `--config`
 * (a directory whose config.json names credential helpers, programs docker runs) and
 * `compose config --output` (writes a file).
 */

const read = (spec: string, maxOperands?: number): Syntax =>
  syntax(`help ${spec}`, {
    abbreviate: false,
    inherit: true,
    ...(maxOperands === undefined ? {} : { maxOperands }),
  });
const group = (subcommands: Record<string, Syntax>): Syntax =>
  syntax("help", { abbreviate: false, inherit: true, subcommands });

const PS =
  "a,all[=] f,filter= format= n,last= l,latest[=] no-trunc[=] q,quiet[=] s,size[=] external[=] pod[=] ns[=] sort= w,watch=";
const LOGS =
  "details[=] f,follow[=] since= n,tail= t,timestamps[=] until= color[=] names[=] latest[=]";
const INSPECT = "f,format= s,size[=] type= l,latest[=]";
const IMAGES =
  "a,all[=] digests[=] f,filter= format= no-trunc[=] q,quiet[=] tree[=] history[=] n,noheading[=] sort=";
const STATS = "a,all[=] format= no-stream[=] no-trunc[=] no-reset[=] i,interval= l,latest[=]";
const LIST = "f,filter= format= q,quiet[=] n,noheading[=]";
const TOP = "";

const CONTAINER_READS = {
  ps: read(PS, 0),
  ls: read(PS, 0),
  list: read(PS, 0),
  logs: read(LOGS, 1),
  inspect: read(INSPECT),
  top: read(TOP),
  port: read("l,latest[=]", 2),
  diff: read("l,latest[=] format=", 1),
  stats: read(STATS),
};

const COMPOSE_READS: Record<string, Syntax> = {
  ps: read("a,all[=] filter= format= no-trunc[=] orphans[=] q,quiet[=] services[=] status=", 100),
  logs: read(
    "f,follow[=] index= no-color[=] no-log-prefix[=] since= n,tail= t,timestamps[=] until=",
    100,
  ),
  config: read(
    "environment[=] format= hash= images[=] no-consistency[=] no-interpolate[=] no-normalize[=] no-path-resolution[=] profiles[=] q,quiet[=] resolve-image-digests[=] services[=] variables[=] volumes[=] networks[=] !o,output=",
    0,
  ),
  images: read("format= q,quiet[=]", 100),
  top: read("", 100),
  ls: read("a,all[=] filter= format= q,quiet[=]", 0),
  version: read("f,format= short[=]", 0),
  port: read("index= protocol=", 2),
  events: read("json[=] since= until=", 100),
  stats: read(STATS, 100),
};

const COMPOSE_GLOBAL =
  "all-resources[=] ansi= compatibility[=] dry-run[=] env-file= f,file= parallel= profile= progress= project-directory= p,project-name=";

/** `docker compose …` and `docker-compose …` from the word after it. */
export const COMPOSE: Syntax = syntax(`help ${COMPOSE_GLOBAL}`, {
  abbreviate: false,
  subcommands: COMPOSE_READS,
});

/** docker, podman and nerdctl from the word after the name. */
export const DOCKER: Syntax = syntax(
  "c,context= D,debug[=] H,host= l,log-level= tls[=] tlscacert= tlscert= tlskey= tlsverify[=] v,version[=] help !config= url= connection= remote[=]",
  {
    abbreviate: false,
    subcommands: {
      ...CONTAINER_READS,
      images: read(IMAGES, 1),
      history: read("H,human[=] format= no-trunc[=] q,quiet[=]", 1),
      version: read("f,format="),
      info: read("f,format="),
      events: read("f,filter= format= since= until=", 0),
      search: read("f,filter= format= limit= no-trunc[=] list-tags[=]", 1),
      system: group({ df: read("format= v,verbose[=]", 0), info: read("f,format=", 0) }),
      container: group(CONTAINER_READS),
      image: group({
        ls: read(IMAGES, 1),
        list: read(IMAGES, 1),
        inspect: read(INSPECT),
        history: read("H,human[=] format= no-trunc[=] q,quiet[=]", 1),
      }),
      volume: group({ ls: read(LIST, 0), list: read(LIST, 0), inspect: read(INSPECT) }),
      network: group({
        ls: read(`${LIST} no-trunc[=]`, 0),
        list: read(LIST, 0),
        inspect: read(`${INSPECT} v,verbose[=]`),
      }),
      context: group({
        ls: read("format= q,quiet[=]", 0),
        inspect: read(INSPECT),
        show: read("", 0),
      }),
      node: group({ ls: read(LIST, 0), inspect: read(`${INSPECT} pretty[=]`), ps: read(PS) }),
      service: group({
        ls: read(LIST, 0),
        inspect: read(`${INSPECT} pretty[=]`),
        ps: read(PS),
        logs: read(LOGS, 1),
      }),
      pod: group({
        ps: read(PS, 0),
        ls: read(PS, 0),
        inspect: read(INSPECT),
        top: read(TOP),
        stats: read(STATS),
      }),
      compose: COMPOSE,
    },
  },
);

/*
 * crictl (cri-tools 1.28–1.31) and ctr (containerd 1.7–2.0): urfave/cli over Go's flag
 * package, so a flag may be written with one dash or two and is never abbreviated. Only
 * the reading commands are listed. crictl's `--config` names another crictl.yaml; `logs -r`
 * makes the runtime reopen the log file.
 */
const goLevel = (spec: string, options: { maxOperands?: number } = {}): Syntax =>
  syntax(`h,help ${spec}`, { abbreviate: false, singleDashLong: true, inherit: true, ...options });

const CRICTL_LIST =
  "id= label= l,latest n,last= name= no-trunc o,output= q,quiet s,state= v,verbose";
const CRICTL_IMAGES = "digests f,filter= no-trunc o,output= q,quiet v,verbose pinned";
const CRICTL_INSPECT = "o,output= q,quiet template=";
const CRICTL_STATS = "a,all id= label= o,output= p,pod= s,seconds= w,watch";

export const CRICTL = syntax(
  "D,debug i,image-endpoint= r,runtime-endpoint= t,timeout= h,help v,version !c,config=",
  {
    abbreviate: false,
    singleDashLong: true,
    subcommands: {
      ps: goLevel(`a,all p,pod= image= ${CRICTL_LIST}`, { maxOperands: 0 }),
      pods: goLevel(`namespace= ${CRICTL_LIST}`, { maxOperands: 0 }),
      ...Object.fromEntries(["images", "image", "img"].map((n) => [n, goLevel(CRICTL_IMAGES)])),
      ...Object.fromEntries(
        ["inspect", "inspectp", "inspecti"].map((n) => [n, goLevel(CRICTL_INSPECT)]),
      ),
      logs: goLevel("f,follow limit-bytes= p,previous since= tail= t,timestamps !r,reopen", {
        maxOperands: 1,
      }),
      stats: goLevel(CRICTL_STATS),
      statsp: goLevel(CRICTL_STATS),
      info: goLevel("o,output= q,quiet", { maxOperands: 0 }),
      imagefsinfo: goLevel("o,output=", { maxOperands: 0 }),
      version: goLevel("", { maxOperands: 0 }),
      help: goLevel(""),
    },
  },
);

/** ctr's object groups and their listing commands. */
const ctrGroup = (reads: Record<string, Syntax>): Syntax =>
  syntax("h,help", { abbreviate: false, singleDashLong: true, inherit: true, subcommands: reads });
const CTR_LIST = goLevel("q,quiet");

export const CTR = syntax(
  "debug a,address= timeout= connect-timeout= n,namespace= h,help v,version",
  {
    abbreviate: false,
    singleDashLong: true,
    subcommands: {
      ...Object.fromEntries(
        ["containers", "container", "c"].map((n) => [
          n,
          ctrGroup({ list: CTR_LIST, ls: CTR_LIST, info: goLevel("spec", { maxOperands: 1 }) }),
        ]),
      ),
      ...Object.fromEntries(
        [
          "images",
          "image",
          "i",
          "tasks",
          "task",
          "t",
          "namespaces",
          "namespace",
          "ns",
          "content",
          "leases",
        ].map((n) => [n, ctrGroup({ list: CTR_LIST, ls: CTR_LIST })]),
      ),
      ...Object.fromEntries(
        ["plugins", "plugin"].map((n) => [
          n,
          ctrGroup({ list: goLevel("d,detailed"), ls: goLevel("d,detailed") }),
        ]),
      ),
      version: goLevel("", { maxOperands: 0 }),
    },
  },
);
