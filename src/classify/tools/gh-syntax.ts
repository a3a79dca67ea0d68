import { cobra } from "../grammar/cobra.js";
import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The GitHub CLI's (gh 2.x) and GitLab CLI's (glab 1.x) grammars for the commands that read,
 * from their manual pages (`gh help <cmd>`, `glab <cmd> --help`). Both are cobra: flags go
 * anywhere after the command path, are never abbreviated, take `--flag=value` or `--flag
 * value`, booleans also `--flag=false`, and short flags cluster. Only reading commands are
 * listed; any other subcommand (create, edit, merge, checkout, download, an extension or an
 * alias) is not a proven read. `!` marks what is not: `--web` opens a browser,
 * `--show-token` prints a credential, `--input` reads a local file into the request.
 */

/** gh's output shaping, on most reads. */
const GH_OUT = "q,jq= json= t,template=";
const WEB = "!w,web[=]";

/** `gh api`: the method and fields are the rule's (`-f` without `-X GET` is a POST). */
const API =
  "cache= F,field= f,raw-field= H,header= hostname= i,include[=] !input= q,jq= X,method= paginate[=] p,preview= silent[=] slurp[=] t,template= verbose[=]";

/** `gh …` for the reading commands. */
export const GH: Syntax = cobra("version[=]", {
  api: syntax(`h,help[=] ${API}`, { abbreviate: false, maxOperands: 1 }),
  pr: cobra("R,repo=", {
    list: cobra(
      `${GH_OUT} app= a,assignee= A,author= B,base= d,draft[=] H,head= l,label= L,limit= S,search= s,state= ${WEB}`,
    ),
    view: cobra(`${GH_OUT} c,comments[=] ${WEB}`),
    diff: cobra(`color= name-only[=] patch[=] e,exclude= ${WEB}`),
    checks: cobra(`${GH_OUT} fail-fast[=] i,interval= required[=] watch[=] ${WEB}`),
    status: cobra(`${GH_OUT} c,conflict-status[=]`),
  }),
  issue: cobra("R,repo=", {
    list: cobra(
      `${GH_OUT} app= a,assignee= A,author= l,label= L,limit= mention= m,milestone= S,search= s,state= ${WEB}`,
    ),
    view: cobra(`${GH_OUT} c,comments[=] ${WEB}`),
    status: cobra(GH_OUT),
  }),
  run: cobra("R,repo=", {
    list: cobra(
      `${GH_OUT} a,all[=] b,branch= c,commit= created= e,event= L,limit= s,status= u,user= w,workflow=`,
    ),
    view: cobra(
      `${GH_OUT} a,attempt= exit-status[=] j,job= log[=] log-failed[=] v,verbose[=] ${WEB}`,
    ),
    watch: cobra("compact[=] exit-status[=] i,interval="),
  }),
  release: cobra("R,repo=", {
    list: cobra(`${GH_OUT} exclude-drafts[=] exclude-pre-releases[=] L,limit= O,order=`),
    view: cobra(`${GH_OUT} ${WEB}`),
  }),
  repo: cobra("", {
    view: cobra(`${GH_OUT} b,branch= ${WEB}`),
    list: cobra(
      `${GH_OUT} archived[=] fork[=] l,language= L,limit= no-archived[=] source[=] topic= visibility=`,
    ),
  }),
  workflow: cobra("R,repo=", {
    list: cobra(`${GH_OUT} a,all[=] L,limit=`),
    view: cobra(`r,ref= y,yaml[=] ${WEB}`),
  }),
  secret: cobra("R,repo=", { list: cobra(`${GH_OUT} a,app= e,env= o,org= u,user=`) }),
  variable: cobra("R,repo=", {
    list: cobra(`${GH_OUT} e,env= o,org=`),
    get: cobra(`${GH_OUT} e,env= o,org=`),
  }),
  label: cobra("R,repo=", {
    list: cobra(`${GH_OUT} L,limit= order= S,search= sort= ${WEB}`),
  }),
  cache: cobra("R,repo=", {
    list: cobra(`${GH_OUT} k,key= L,limit= O,order= r,ref= S,sort=`),
  }),
  status: cobra("e,exclude= o,org="),
  auth: cobra("", { status: cobra(`${GH_OUT} a,active[=] h,hostname= !t,show-token[=]`) }),
  version: cobra(""),
  help: cobra(""),
});

/** glab's `-F/--output text|json` and paging, on most reads. */
const GLAB_OUT = "F,output= p,page= P,per-page=";

/** `glab …` for the reading commands. */
export const GLAB: Syntax = cobra("v,version[=]", {
  api: syntax(`h,help[=] ${API}`, { abbreviate: false, maxOperands: 1 }),
  mr: cobra("R,repo=", {
    list: cobra(
      `${GLAB_OUT} A,all[=] a,assignee= author= c,closed[=] created-after= created-before= d,draft[=] not-draft[=] environment= g,group= jq= l,label= M,merged[=] m,milestone= not-label= o,order= r,reviewer= search= s,source-branch= t,target-branch=`,
    ),
    view: cobra(`${GLAB_OUT} c,comments[=] s,system-logs[=] ${WEB}`),
    diff: cobra("color= raw[=]"),
  }),
  issue: cobra("R,repo=", {
    list: cobra(
      `${GLAB_OUT} A,all[=] a,assignee= author= c,closed[=] C,confidential[=] g,group= issue-type= l,label= m,milestone= not-assignee= not-author= not-label= o,order= search= jq=`,
    ),
    view: cobra(`${GLAB_OUT} c,comments[=] s,system-logs[=] ${WEB}`),
  }),
  ci: cobra("R,repo=", {
    list: cobra(`${GLAB_OUT} o,orderBy= r,ref= s,status= sort= u,updated-after= updated-before=`),
    status: cobra("b,branch= c,compact[=] l,live[=]"),
    trace: cobra("b,branch= p,pipeline-id="),
  }),
  release: cobra("R,repo=", {
    list: cobra(`${GLAB_OUT} n,tag=`),
    view: cobra(WEB),
  }),
  repo: cobra("", { view: cobra(`b,branch= F,output= ${WEB}`) }),
  auth: cobra("", { status: cobra(`a,all[=] hostname= !t,show-token[=]`) }),
  version: cobra(""),
  help: cobra(""),
});
