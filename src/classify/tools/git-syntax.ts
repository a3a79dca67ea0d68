import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * git's grammar (git 2.43 manual pages): global options before the subcommand (not
 * abbreviated), then each subcommand's options, which parse-options lets users abbreviate and
 * negate (`--no-…`). Only the subcommands that can read are listed: any other subcommand is
 * handled by the git rule and never proven a read. `!` marks options that write files or run
 * programs (`--output`, `--upload-pack`, `-O`, `-c core.fsmonitor=…`, `--exec-path`).
 */

const GLOBAL =
  "!c= C= !exec-path[=] git-dir= work-tree= namespace= !config-env= super-prefix= p,paginate P,no-pager no-replace-objects no-lazy-fetch no-advice bare literal-pathspecs glob-pathspecs noglob-pathspecs icase-pathspecs no-optional-locks list-cmds= attr-source= version help html-path man-path info-path";

const DIFF =
  "p,u,patch s,no-patch U,unified= !output= output-indicator-new= output-indicator-old= output-indicator-context= raw patch-with-raw indent-heuristic minimal patience histogram anchored= diff-algorithm= stat[=] stat-width= stat-name-width= stat-graph-width= stat-count= compact-summary numstat shortstat dirstat[=] X= cumulative dirstat-by-file[=] summary patch-with-stat z name-only name-status submodule[=] color[=] color-moved[=] color-moved-ws= word-diff[=] word-diff-regex= color-words[=] renames check ws-error-highlight= full-index binary abbrev[=] B,break-rewrites[=] M,find-renames[=] C,find-copies[=] find-copies-harder D,irreversible-delete l= diff-filter= S= G= find-object= pickaxe-all pickaxe-regex O= skip-to= rotate-to= R relative[=] a,text ignore-cr-at-eol ignore-space-at-eol b,ignore-space-change w,ignore-all-space ignore-blank-lines I,ignore-matching-lines= inter-hunk-context= W,function-context exit-code quiet ext-diff textconv ignore-submodules[=] src-prefix= dst-prefix= no-prefix default-prefix line-prefix= ita-invisible-in-index ita-visible-in-index 1,base 2,ours 3,theirs 0 cached staged merge-base no-index";

const REVS =
  "n,max-count= skip= since,after= since-as-filter= until,before= author= committer= grep-reflog= grep= all-match invert-grep i,regexp-ignore-case basic-regexp E,extended-regexp F,fixed-strings P,perl-regexp remove-empty merges min-parents= max-parents= no-merges first-parent exclude-first-parent-only not all branches[=] tags[=] remotes[=] glob= exclude= exclude-hidden= reflog alternate-refs single-worktree ignore-missing bisect stdin cherry-mark cherry-pick left-only right-only cherry g,walk-reflogs merge boundary simplify-by-decoration show-pulls full-history dense sparse simplify-merges ancestry-path[=] date-order author-date-order topo-order reverse no-walk[=] do-walk pretty[=] format= abbrev-commit oneline encoding= expand-tabs[=] notes[=] show-notes[=] standard-notes show-signature relative-date date= parents children left-right graph show-linear-break[=] c cc dd m diff-merges= remerge-diff combined-all-paths t r";

const LOG = `${DIFF} ${REVS} follow decorate[=] decorate-refs= decorate-refs-exclude= clear-decorations source full-diff log-size L= mailmap use-mailmap`;

/** Options that only pick or format what a read shows, for subcommands with few options. */
const sub = (spec: string, options: { subcommands?: Record<string, Syntax> } = {}): Syntax =>
  syntax(`${spec} h,help`, { negatable: true, numeric: true, ...options });

const BRANCH_LIST =
  "!d,delete !D !create-reflog !f,force !m,move !M !c,copy !C color[=] i,ignore-case column[=] r,remotes a,all l,list show-current v,verbose q,quiet abbrev= !t,track[=] !recurse-submodules !set-upstream !u,set-upstream-to= !unset-upstream !edit-description contains= merged= points-at= sort= format= omit-empty";

const READ_VERBS: Readonly<Record<string, Syntax>> = {
  status: sub(
    "s,short b,branch show-stash porcelain[=] long v,verbose u,untracked-files[=] ignore-submodules[=] ignored[=] z column[=] ahead-behind renames find-renames[=]",
  ),
  log: sub(LOG, {}),
  whatchanged: sub(LOG),
  show: sub(LOG),
  diff: sub(DIFF),
  "diff-tree": sub(`${DIFF} ${REVS} stdin always root merge-base`),
  "diff-files": sub(`${DIFF} q`),
  "diff-index": sub(`${DIFF} m`),
  "range-diff": sub(`${DIFF} creation-factor= left-only right-only`),
  blame: sub(
    "b root show-stats l t S= reverse= first-parent p,porcelain line-porcelain incremental encoding= contents= date= M[=] C[=] ignore-rev= ignore-revs-file= color-lines color-by-age progress L= s e,show-email w abbrev= f,show-name n,show-number c score-debug",
  ),
  annotate: sub(
    "b root l t S= reverse= p,porcelain incremental encoding= contents= date= M[=] C[=] L= w",
  ),
  shortlog: sub(`${REVS} n,numbered s,summary e,email format[=] w[=] group= c,committer`),
  describe: sub(
    "dirty[=] broken[=] all tags contains abbrev= candidates= exact-match debug long match= exclude= always first-parent",
  ),
  "rev-parse": sub(
    "parseopt sq-quote keep-dashdash stop-at-non-option stuck-long revs-only no-revs flags no-flags default= prefix= verify q,quiet sq short[=] not abbrev-ref[=] symbolic symbolic-full-name all branches[=] tags[=] remotes[=] glob= exclude= exclude-hidden= disambiguate= local-env-vars path-format= git-dir git-common-dir resolve-git-dir= git-path= show-toplevel show-superproject-working-tree shared-index-path absolute-git-dir is-inside-git-dir is-inside-work-tree is-bare-repository is-shallow-repository show-cdup show-prefix show-object-format[=] show-ref-format since= after= until= before=",
  ),
  "rev-list": sub(
    `${REVS} count objects objects-edge in-commit-order no-object-names quiet disk-usage[=] header timestamp bisect-vars bisect-all missing= filter= filter-print-omitted`,
  ),
  "ls-files": sub(
    "c,cached d,deleted m,modified o,others i,ignored s,stage directory empty-directory u,unmerged k,killed z deduplicate x,exclude= X,exclude-from= exclude-per-directory= exclude-standard error-unmatch with-tree= t v f full-name recurse-submodules abbrev[=] debug eol sparse format=",
  ),
  "ls-tree": sub(
    "d r t l,long z name-only name-status object-only abbrev[=] full-name full-tree format=",
  ),
  "ls-remote": sub(
    "heads tags h t refs q,quiet !upload-pack= exit-code get-url symref sort= o,server-option=",
  ),
  "cat-file": sub(
    "t s e p textconv filters path= batch[=] batch-check[=] batch-command[=] batch-all-objects buffer unordered allow-unknown-type follow-symlinks z Z mailmap use-mailmap",
  ),
  grep: sub(
    "cached no-index untracked exclude-standard recurse-submodules a,text textconv i,ignore-case I max-depth= r,recursive w,word-regexp v,invert-match h H full-name E,extended-regexp G,basic-regexp P,perl-regexp F,fixed-strings n,line-number column l,files-with-matches name-only L,files-without-match !O,open-files-in-pager[=] z,null o,only-matching c,count color[=] break heading p,show-function A,after-context= B,before-context= C,context= W,function-context m,max-count= threads= f= e= and or not all-match q,quiet",
  ),
  branch: sub(BRANCH_LIST),
  tag: sub(
    "!a,annotate !s,sign !u,local-user= !f,force !d,delete v,verify n[=] l,list sort= color[=] i,ignore-case column[=] contains= merged= points-at= !m,message= !F,file= !e,edit cleanup= !create-reflog format= omit-empty",
  ),
  remote: sub("v,verbose", {
    subcommands: {
      show: sub("n"),
      "get-url": sub("push all"),
    },
  }),
  reflog: sub(LOG),
  stash: sub("", {
    subcommands: { list: sub(LOG), show: sub(`${DIFF} include-untracked only-untracked u`) },
  }),
  worktree: sub("", { subcommands: { list: sub("porcelain v,verbose expire= z") } }),
  submodule: sub("q,quiet", {
    subcommands: {
      status: sub("cached recursive"),
      summary: sub("cached files n,summary-limit= for-status"),
    },
  }),
  config: sub(
    "global system local worktree f,file= blob= get get-all get-regexp get-urlmatch l,list show-origin show-scope z,null name-only includes type= bool int bool-or-int path expiry-date default= fixed-value !e,edit !add !replace-all !unset !unset-all !rename-section !remove-section",
  ),
  fsck: sub(
    "unreachable dangling root tags cache reflogs full connectivity-only strict verbose !lost-found name-objects progress",
  ),
  "for-each-ref": sub(
    "count= sort= format= color[=] s,shell p,perl python tcl points-at= merged[=] contains[=] ignore-case omit-empty exclude= start-after= stdin",
  ),
  "show-ref": sub(
    "head heads branches tags d,dereference s,hash[=] verify abbrev[=] q,quiet exclude-existing[=] exists",
  ),
  "merge-base": sub("octopus independent is-ancestor fork-point a,all"),
  "name-rev": sub("tags refs= exclude= all annotate-stdin stdin name-only undefined always"),
  "count-objects": sub("v,verbose H,human-readable"),
  cherry: sub("v abbrev[=]"),
  "check-ignore": sub("q,quiet v,verbose stdin z n,non-matching no-index"),
  "check-attr": sub("a,all cached stdin z source="),
  "verify-commit": sub("v,verbose raw"),
  "verify-tag": sub("v,verbose raw format="),
  var: sub("l"),
  version: sub("build-options"),
  help: sub(
    "a,all verbose external-commands aliases config guides user-interfaces developer-interfaces i,info m,man w,web g,guides c,config",
  ),
  "request-pull": sub("p"),
  "get-tar-commit-id": sub(""),
  bisect: sub("", { subcommands: { log: sub(""), view: sub(LOG), visualize: sub(LOG) } }),
  lfs: sub("", {
    subcommands: {
      "ls-files": sub(
        "l,long s,size d,debug a,all deleted I,include= X,exclude= n,name-only j,json",
      ),
      status: sub("porcelain json"),
      env: sub(""),
      version: sub(""),
      logs: sub(""),
      track: sub(""),
    },
  }),
  clean: sub("n,dry-run !f,force !i,interactive d q,quiet e,exclude= x X"),
  push: sub(
    "all branches mirror tags n,dry-run porcelain !d,delete !f,force force-with-lease[=] force-if-includes prune follow-tags atomic !receive-pack= !exec= u,set-upstream thin q,quiet v,verbose progress recurse-submodules= verify signed[=] 4,ipv4 6,ipv6 o,push-option= repo= no-verify",
  ),
  // Subcommands that never read, parsed so their rules see abbreviations and option values.
  reset: sub(
    "q,quiet refresh pathspec-from-file= pathspec-file-nul soft mixed N hard merge keep recurse-submodules[=] p,patch",
  ),
  checkout: sub(
    "q,quiet progress f,force ours theirs b= B= t,track[=] guess l d,detach orphan= ignore-skip-worktree-bits m,merge conflict= p,patch ignore-other-worktrees overwrite-ignore recurse-submodules[=] overlay pathspec-from-file= pathspec-file-nul",
  ),
  restore: sub(
    "s,source= p,patch W,worktree S,staged q,quiet progress ours theirs m,merge conflict= ignore-unmerged ignore-skip-worktree-bits recurse-submodules[=] overlay pathspec-from-file= pathspec-file-nul",
  ),
  switch: sub(
    "c,create= C,force-create= d,detach guess f,force,discard-changes m,merge conflict= q,quiet progress t,track[=] orphan= ignore-other-worktrees recurse-submodules[=]",
  ),
  rm: sub(
    "f,force n,dry-run r cached ignore-unmatch sparse q,quiet pathspec-from-file= pathspec-file-nul",
  ),
  gc: sub("aggressive auto detach cruft max-cruft-size= prune[=] q,quiet force keep-largest-pack"),
  prune: sub("n,dry-run v,verbose progress expire="),
};

/** git from the command name on: global options, then a subcommand. */
export const GIT: Syntax = syntax(GLOBAL, {
  abbreviate: false,
  permute: false,
  subcommands: READ_VERBS,
});
