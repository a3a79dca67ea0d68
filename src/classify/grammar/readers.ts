import { type Syntax, syntax } from "./syntax.js";

/*
 * Option grammars of the commands that only read (the `readers` family), written from each
 * tool's own `--help` (GNU coreutils 9, util-linux 2.39, procps 4) or manual page. Options
 * marked `!` write files, run programs or change state; anything not listed is unknown and
 * needs approval. `__tests__/classify/grammar/help.test.ts` holds the installed tools to these.
 */

const LS =
  "a,all A,almost-all author b,escape block-size= B,ignore-backups c C color[=] d,directory D,dired f F,classify[=] file-type format= full-time g group-directories-first G,no-group h,human-readable si H,dereference-command-line dereference-command-line-symlink-to-dir hide= hyperlink[=] indicator-style= i,inode I,ignore= k,kibibytes l L,dereference m n,numeric-uid-gid N,literal o p q,hide-control-chars show-control-chars Q,quote-name quoting-style= r,reverse R,recursive s,size S sort= time= time-style= t T,tabsize= u U v w,width= x X Z,context zero 1 help version";
const GREP =
  "E,extended-regexp F,fixed-strings G,basic-regexp P,perl-regexp e,regexp= f,file= i,ignore-case no-ignore-case y w,word-regexp x,line-regexp z,null-data s,no-messages v,invert-match V,version help m,max-count= b,byte-offset n,line-number line-buffered H,with-filename h,no-filename label= o,only-matching q,quiet,silent binary-files= a,text I d,directories= D,devices= r,recursive R,dereference-recursive include= exclude= exclude-from= exclude-dir= L,files-without-match l,files-with-matches c,count T,initial-tab Z,null B,before-context= A,after-context= C,context= NUM= group-separator= no-group-separator color,colour[=] U,binary";
const LESS =
  "a,search-skip-screen A,SEARCH-SKIP-SCREEN c,clear-screen C,CLEAR-SCREEN e,quit-at-eof E,QUIT-AT-EOF f,force F,quit-if-one-screen g,hilite-search G,HILITE-SEARCH h,max-back-scroll= i,ignore-case I,IGNORE-CASE j,jump-target= J,status-column K,quit-on-intr L,no-lessopen m,long-prompt M,LONG-PROMPT n,line-numbers N,LINE-NUMBERS !o,log-file= !O,LOG-FILE= p,pattern= P,prompt= q,quiet,silent Q,QUIET,SILENT r,raw-control-chars R,RAW-CONTROL-CHARS s,squeeze-blank-lines S,chop-long-lines u,underline-special U,UNDERLINE-SPECIAL V,version w,hilite-unread W,HILITE-UNREAD x,tabs= X,no-init y,max-forw-scroll= z,window= mouse no-histdups help";
const CHECKSUM =
  "b,binary c,check tag t,text z,zero ignore-missing quiet status strict w,warn help version";
const PS =
  "A a C= c d e f F G= g= H h j l L m M N n= O= o= p= q= r s= S t= T u= U= V v w X x y Z cols,columns,width= context cumulative deselect e forest format= group= Group= headers help info lines,rows= no-headers,no-heading pid= ppid= quick-pid= sid= signames sort= tty= user= User= version";
const COMPRESSED_CAT = "f,force l,list q,quiet r,recursive S,suffix= t,test v,verbose help version";
const LVM_REPORT =
  "a,all o,options= O,sort= S,select= noheadings nosuffix separator= units= unbuffered aligned binary reportformat= v,verbose d,debug q,quiet h,help t,test P,partial readonly foreign shared";
const LVM_DISPLAY = "a,all c,colon C,columns m,maps v,verbose S,select= units= h,help readonly";
const PING =
  "4 6 a A b B c= d D f F= h i= I= l= L m= M= n N= O p= q Q= r R s= S= t= T= U v V w= W=";

/**
 * bash's `set` (bash 5.2 `help set`): `-x` and `+x` alike, options end at the first operand
 * (which sets the positional parameters). Not safe for a read: `-k` (every `NAME=value`
 * argument of later commands becomes their environment: `ls LD_PRELOAD=…`), `-a` (every later
 * assignment is exported to every program), and `-o` names other than the listed ones
 * (`keyword`, `allexport`, `posix`, which changes how later lines are read).
 */
const SET_OPTIONS =
  "errexit nounset xtrace verbose noglob noclobber pipefail errtrace functrace hashall braceexpand histexpand history ignoreeof monitor notify onecmd physical privileged noexec nolog vi emacs interactive-comments";
const SET = syntax(
  `e u x v f n C E T h B H P b m t p !a !k o=${SET_OPTIONS.split(" ").join("|")}`,
  { permute: false, plusOptions: true, abbreviate: false },
);

/**
 * bash's `shopt` (bash 5.2): the option names are operands. Only names that change globbing,
 * matching, history or messages keep a read; `expand_aliases` (later words may run an alias),
 * `extdebug` (a DEBUG trap can skip commands), `extglob` and the `compat*` levels (later
 * lines parse differently from how the rules read them) do not.
 */
const SHOPT = syntax("p q s u o", {
  permute: false,
  abbreviate: false,
  operands:
    /^(autocd|cdable_vars|cdspell|checkhash|checkjobs|checkwinsize|cmdhist|dirspell|dotglob|execfail|extquote|failglob|force_fignore|globasciiranges|globskipdots|globstar|gnu_errfmt|histappend|histreedit|histverify|huponexit|inherit_errexit|interactive_comments|lastpipe|lithist|localvar_inherit|localvar_unset|login_shell|mailwarn|no_empty_cmd_completion|nocaseglob|nocasematch|noexpand_translation|nullglob|progcomp|progcomp_alias|promptvars|restricted_shell|shift_verbose|sourcepath|varredir_close|xpg_echo|errexit|nounset|xtrace|pipefail|noglob|noclobber)$/,
});

/** `less +CMD` runs CMD as if typed (`+!sh` would run a shell): only a line, `G`/`g` or follow. */
const LESS_COMMANDS = /^\+(\d+|[Gg]|F)$/;

/** The grammar of each reader that takes options, by command name. */
export const READER_SYNTAX: Readonly<Record<string, Syntax>> = {
  ls: syntax(LS),
  ll: syntax(LS),
  dir: syntax(LS),
  tree: syntax(
    "a d f i l p s u g h D F q N Q r t c U v L= P= I= !o= H= T= R J X C n S charset= filelimit= noreport inodes device dirsfirst du si prune gitignore matchdirs fromfile help version",
  ),
  cat: syntax(
    "A,show-all b,number-nonblank e E,show-ends n,number s,squeeze-blank t T,show-tabs u v,show-nonprinting help version",
  ),
  tac: syntax("b,before r,regex s,separator= help version"),
  head: syntax("c,bytes= n,lines= q,quiet,silent v,verbose z,zero-terminated help version", {
    numeric: true,
  }),
  tail: syntax(
    "c,bytes= f,follow[=] F n,lines= max-unchanged-stats= pid= q,quiet,silent retry s,sleep-interval= v,verbose z,zero-terminated help version",
    { numeric: true },
  ),
  less: syntax(LESS, { plusCommands: LESS_COMMANDS }),
  zless: syntax(LESS, { plusCommands: LESS_COMMANDS }),
  more: syntax(
    "d,silent f,logical l,no-pause c,print-over p,clean-print e,exit-on-eof s,squeeze u,plain n,lines= h,help V,version",
    // `more +NUM` starts at a line, `more +/TEXT` at a match; nothing else follows `+`.
    { numeric: true, plusCommands: /^\+(\d+|\/.*)$/s },
  ),
  grep: syntax(GREP, { numeric: true }),
  egrep: syntax(GREP, { numeric: true }),
  fgrep: syntax(GREP, { numeric: true }),
  zgrep: syntax(GREP, { numeric: true }),
  rg: syntax(
    "i,ignore-case S,smart-case s,case-sensitive F,fixed-strings w,word-regexp x,line-regexp v,invert-match n,line-number N,no-line-number l,files-with-matches files-without-match c,count count-matches o,only-matching A,after-context= B,before-context= C,context= e,regexp= f,file= g,glob= iglob= t,type= T,type-not= type-list m,max-count= u,unrestricted hidden no-hidden L,follow no-ignore no-ignore-vcs files json H,with-filename I,no-filename no-heading heading p,pretty U,multiline multiline-dotall color= colors= d,max-depth= M,max-columns= max-columns-preview max-filesize= j,threads= sort= sortr= 0,null q,quiet stats trim vimgrep column b,byte-offset P,pcre2 E,encoding= r,replace= passthru a,text binary 0 no-messages one-file-system h,help V,version !z,search-zip !pre= !pre-glob=",
  ),
  ag: syntax(
    "i,ignore-case s,case-sensitive S,smart-case w,word-regexp v,invert-match l,files-with-matches L,files-without-matches c,count o,only-matching A,after= B,before= C,context= G,file-search-regex= g= t,all-text u,unrestricted U,skip-vcs-ignores f,follow hidden depth= n,norecurse Q,literal ignore= ignore-dir= nocolor color column noheading nobreak H,heading m,max-count= F,fixed-strings help version",
  ),
  ack: syntax(
    "i,ignore-case I,no-ignore-case S,smart-case w,word-regexp v,invert-match l,files-with-matches L,files-without-matches c,count o h,no-filename H,with-filename A,after-context= B,before-context= C,context= f g= t,type= k,known-types n,no-recurse r,R,recurse ignore-dir= noignore-dir= nocolor noenv Q,literal m,max-count= 1 column help version",
  ),
  wc: syntax("c,bytes m,chars l,lines files0-from= L,max-line-length w,words help version"),
  cut: syntax(
    "b,bytes= c,characters= d,delimiter= f,fields= n complement s,only-delimited output-delimiter= z,zero-terminated help version",
  ),
  tr: syntax("c,C,complement d,delete s,squeeze-repeats t,truncate-set1 help version"),
  nl: syntax(
    "b,body-numbering= d,section-delimiter= f,footer-numbering= h,header-numbering= i,line-increment= l,join-blank-lines= n,number-format= p,no-renumber s,number-separator= v,starting-line-number= w,number-width= help version",
  ),
  od: syntax(
    "A,address-radix= endian= j,skip-bytes= N,read-bytes= S,strings[=] t,format= v,output-duplicates w,width[=] traditional help version a b c d f i l o s x",
  ),
  hexdump: syntax(
    "b,one-byte-octal c,one-byte-char C,canonical d,two-bytes-decimal o,two-bytes-octal x,two-bytes-hex L,color[=] e,format= f,format-file= n,length= s,skip= v,no-squeezing h,help V,version",
  ),
  strings: syntax(
    "a,all d,data f,print-file-name n,bytes= t,radix= o e,encoding= T,target= w,include-all-whitespace s,output-separator= U,unicode= h,help v,V,version",
    { numeric: true },
  ),
  file: syntax(
    "help v,version m,magic-file= z,uncompress Z,uncompress-noreport b,brief c,checking-printout e,exclude= exclude-quiet= f,files-from= F,separator= i,mime apple extension mime-type mime-encoding k,keep-going l,list L,dereference h,no-dereference n,no-buffer N,no-pad 0,print0 p,preserve-date P,parameter= r,raw s,special-files S,no-sandbox !C,compile d,debug",
  ),
  stat: syntax("L,dereference f,file-system cached= c,format= printf= t,terse help version"),
  du: syntax(
    "0,null a,all apparent-size B,block-size= b,bytes c,total D,dereference-args d,max-depth= files0-from= H h,human-readable inodes k L,dereference l,count-links m P,no-dereference S,separate-dirs si s,summarize t,threshold= time[=] time-style= X,exclude-from= exclude= x,one-file-system help version",
  ),
  diff: syntax(
    "normal q,brief s,report-identical-files c C= context[=] u U= unified[=] e,ed n,rcs y,side-by-side W,width= left-column suppress-common-lines p,show-c-function F,show-function-line= label= t,expand-tabs T,initial-tab tabsize= suppress-blank-empty l,paginate r,recursive no-dereference N,new-file unidirectional-new-file ignore-file-name-case no-ignore-file-name-case x,exclude= X,exclude-from= S,starting-file= from-file= to-file= i,ignore-case E,ignore-tab-expansion Z,ignore-trailing-space b,ignore-space-change w,ignore-all-space B,ignore-blank-lines I,ignore-matching-lines= a,text strip-trailing-cr D,ifdef= old-group-format= new-group-format= unchanged-group-format= changed-group-format= line-format= old-line-format= new-line-format= unchanged-line-format= d,minimal horizon-lines= speed-large-files color[=] palette= help v,version",
    { numeric: true },
  ),
  cmp: syntax("b,print-bytes i,ignore-initial= l,verbose n,bytes= s,quiet,silent help v,version"),
  comm: syntax(
    "1 2 3 check-order nocheck-order output-delimiter= total z,zero-terminated help version",
  ),
  column: syntax(
    "t,table n,table-name= O,table-order= N,table-columns= l,table-columns-limit= E,table-noextreme= d,table-noheadings e,table-header-repeat H,table-hide= R,table-right= T,table-truncate= W,table-wrap= L,keep-empty-lines J,json r,tree= i,tree-id= p,tree-parent= c,output-width= o,output-separator= s,separator= x,fillrows h,help V,version",
  ),
  jq: syntax(
    "c,compact-output r,raw-output j,join-output raw-output0 a,ascii-output S,sort-keys C,color-output M,monochrome-output tab indent= unbuffered stream stream-errors seq e,exit-status f,from-file= L= arg= argjson= slurpfile= rawfile= args jsonargs n,null-input R,raw-input s,slurp h,help V,version build-configuration",
  ),
  gron: syntax("u,ungron v,values c,colorize m,monochrome s,stream k,insecure j,json no-sort"),
  md5sum: syntax(CHECKSUM),
  sha1sum: syntax(CHECKSUM),
  sha256sum: syntax(CHECKSUM),
  sha512sum: syntax(CHECKSUM),
  b2sum: syntax(`${CHECKSUM} l,length=`),
  cksum: syntax(
    "a,algorithm= c,check l,length= tag untagged z,zero ignore-missing quiet status strict w,warn debug base64 raw help version",
  ),
  base64: syntax("d,decode i,ignore-garbage w,wrap= help version"),
  base32: syntax("d,decode i,ignore-garbage w,wrap= help version"),
  rev: syntax("h,help V,version"),
  fold: syntax("b,bytes s,spaces w,width= help version", { numeric: true }),
  fmt: syntax(
    "c,crown-margin p,prefix= s,split-only t,tagged-paragraph u,uniform-spacing w,width= g,goal= help version",
    { numeric: true },
  ),
  expand: syntax("i,initial t,tabs= help version", { numeric: true }),
  unexpand: syntax("a,all first-only t,tabs= help version", { numeric: true }),
  paste: syntax("d,delimiters= s,serial z,zero-terminated help version"),
  join: syntax(
    "a= e= i,ignore-case j= o= t= v= 1= 2= check-order nocheck-order header z,zero-terminated help version",
  ),
  look: syntax("a,alternative d,alphanum f,ignore-case t,terminate= h,help V,version"),
  zcat: syntax(COMPRESSED_CAT),
  bzcat: syntax("s,small v,verbose q,quiet h,help V,version"),
  xzcat: syntax(
    "F,format= C,check= T,threads= q,quiet v,verbose Q,no-warn robot memlimit= single-stream no-sparse ignore-check h,help H,long-help V,version",
  ),
  realpath: syntax(
    "e,canonicalize-existing m,canonicalize-missing L,logical P,physical q,quiet relative-to= relative-base= s,strip,no-symlinks z,zero help version",
  ),
  readlink: syntax(
    "f,canonicalize e,canonicalize-existing m,canonicalize-missing n,no-newline q,quiet s,silent v,verbose z,zero help version",
  ),
  basename: syntax("a,multiple s,suffix= z,zero help version"),
  dirname: syntax("z,zero help version"),
  pwd: syntax("L,logical P,physical help version"),
  namei: syntax("x,mountpoints m,modes o,owners l,long n,nosymlinks v,vertical h,help V,version"),
  lsattr: syntax("R V a d l p v"),
  getfacl: syntax(
    "a,access d,default c,omit-header e,all-effective E,no-effective s,skip-base R,recursive L,logical P,physical t,tabular n,numeric p,absolute-names one-file-system v,version h,help",
  ),
  locate: syntax(
    "A,all b,basename c,count d,database= e,existing L,follow h,help i,ignore-case l,limit= n= m,mmap P,H,nofollow 0,null S,statistics q,quiet r,regexp= regex s,stdio V,version w,wholename",
  ),
  atq: syntax("q= V"),
  mktemp: syntax("d,directory u,dry-run q,quiet suffix= p,tmpdir[=] t help version"),
  seq: syntax("f,format= s,separator= w,equal-width help version"),
  printenv: syntax("0,null help version"),
  tty: syntax("s,silent,quiet help version"),
  nproc: syntax("all ignore= help version"),
  hash: syntax("r !p= !d t l", { permute: false }),
  set: SET,
  shopt: SHOPT,
  cd: syntax("L P e @", { permute: false, maxOperands: 1 }),
  pushd: syntax("n", { permute: false, numeric: true, maxOperands: 1, plusCommands: /^\+\d+$/ }),
  popd: syntax("n", { permute: false, numeric: true, maxOperands: 0, plusCommands: /^\+\d+$/ }),
  type: syntax("a f P p t", { permute: false, abbreviate: false }),
  history: syntax(""),
  printf: syntax("!v=", { permute: false }),
  man: syntax(
    "d,debug D,default warnings[=] f,whatis k,apropos K,global-apropos l,local-file w,where,path,location W,where-cat,location-cat L,locale= m,systems= M,manpath= S,s,sections= e,extension= i,ignore-case I,match-case regex wildcard names-only a,all no-subpages 7,ascii E,encoding= no-hyphenation nh no-justification nj t,troff T,troff-device[=] Z,ditroff ?,help usage V,version !P,pager= !p,preprocessor= !H,html[=] !X,gxditview[=] !C,config-file= !R,recode= !u,update !c,catman !r,prompt=",
  ),
  info: syntax("a,all k,apropos= d,directory= f,file= n,node= w,where h,help version"),
  apropos: syntax(
    "d,debug v,verbose e,exact r,regex w,wildcard a,and l,long C,config-file= L,locale= m,systems= M,manpath= s,sections,section= ?,help usage V,version",
  ),
  whatis: syntax(
    "d,debug v,verbose r,regex w,wildcard l,long C,config-file= L,locale= m,systems= M,manpath= s,sections,section= ?,help usage V,version",
  ),
  whereis: syntax("b B= m M= s S= f u l g h,help V,version"),
  bc: syntax("h,help i,interactive l,mathlib q,quiet s,standard w,warn v,version"),
  expr: syntax("help version"),
  uname: syntax(
    "a,all s,kernel-name n,nodename r,kernel-release v,kernel-version m,machine p,processor i,hardware-platform o,operating-system help version",
  ),
  uptime: syntax("p,pretty h,help s,since V,version"),
  whoami: syntax("help version"),
  id: syntax("a Z,context g,group G,groups n,name r,real u,user z,zero help version"),
  groups: syntax("help version"),
  who: syntax(
    "a,all b,boot d,dead H,heading ips l,login lookup m p,process q,count r,runlevel s,short t,time T,w,mesg u,users message writable help version",
  ),
  w: syntax("h,no-header u,no-current s,short f,from o,old-style i,ip-addr p,pids help V,version"),
  last: syntax(
    "a,hostlast d,dns f,file= F,fulltimes i,ip R,nohostname s,since= t,until= p,present= w,fullnames x,system time-format= n,limit= h,help V,version",
    { numeric: true },
  ),
  lastlog: syntax("b,before= h,help R,root= t,time= u,user= !C,clear !S,set"),
  free: syntax(
    "b,bytes kilo mega giga tera peta k,kibi m,mebi g,gibi tebi pebi h,human si l,lohi L,line t,total v,committed s,seconds= c,count= w,wide help V,version",
  ),
  vmstat: syntax(
    "a,active f,forks m,slabs n,one-header s,stats d,disk D,disk-sum p,partition= S,unit= w,wide t,timestamp y,no-first h,help V,version",
  ),
  iostat: syntax("c d h k m N p[=] t V x y z g= H j= o= s dec= pretty human compact"),
  mpstat: syntax("A I= P= u T o= n dec= V"),
  pidstat: syntax("d h H I l r R s t u v w C= G= p= T= U[=] e= dec= human"),
  sar: syntax("A B b d F H h I= j= m= n= P= p q r S u[=] v W w y i= f= s= e= t x human dec= !o[=]"),
  lscpu: syntax(
    "a,all b,online B,bytes C,caches[=] c,offline J,json p,parse[=] e,extended[=] s,sysroot= x,hex y,physical r,raw output-all h,help V,version",
  ),
  lsblk: syntax(
    "A,noempty D,discard E,dedup= I,include= J,json M,merge O,output-all P,pairs S,scsi N,nvme v,virtio a,all b,bytes d,nodeps e,exclude= f,fs i,ascii l,list m,perms n,noheadings o,output= p,paths r,raw s,inverse t,topology T,tree[=] w,width= x,sort= y,shell z,zoned sysroot= h,help V,version",
  ),
  blkid: syntax(
    "d,no-encoding o,output= k,list-filesystems s,match-tag= t,match-token= l,list-one L,label= U,uuid= p,probe i,info H,hint= S,size= O,offset= u,usages= n,match-types= D,no-part-details h,help V,version !c,cache-file= !g,garbage-collect",
  ),
  lsof: syntax(
    "? a b c= C d= D= e= E f[=] F= g[=] h H i[=] K[=] k= l L[=] m= M n N o[=] O p= P Q r[=] R s[=] S[=] t T[=] u= U v V w W x[=] X z[=] Z[=]",
  ),
  lsmod: syntax(""),
  lspci: syntax("m mm t v vv vvv k x xx xxx xxxx b D P PP n nn q qq Q s= d= i= p= M A= O= H="),
  lsusb: syntax("v,verbose s= d= D= t,tree V,version h,help"),
  lshw: syntax(
    "short businfo class= C= c= json X xml html sanitize numeric quiet notime disable= enable= version help",
    { singleDashLong: true },
  ),
  dmidecode: syntax(
    "d,dev-mem= q,quiet s,string= t,type= H,handle= u,dump from-dump= no-sysfs oem-string= list-strings list-types h,help V,version !dump-bin=",
  ),
  ps: syntax(PS),
  pgrep: syntax(
    "d,delimiter= l,list-name a,list-full v,inverse w,lightweight c,count f,full g,pgroup= G,group= i,ignore-case n,newest o,oldest O,older= P,parent= s,session= t,terminal= u,euid= U,uid= x,exact F,pidfile= L,logpidfile r,runstates= A,ignore-ancestors cgroup= ns= nslist= q,quiet h,help V,version",
  ),
  pstree: syntax(
    "a,arguments A,ascii c,compact-not C,color= g,show-pgids G,vt100 H,highlight-pid= l,long n,numeric-sort N,ns-sort= p,show-pids s,show-parents S,ns-changes t,thread-names T,hide-threads u,uid-changes U,unicode V,version Z,security-context",
  ),
  pidof: syntax("s c q w x n z o= S= h,help V,version"),
  getent: syntax("A,no-addrconfig i,no-idn s,service= ?,help usage V,version"),
  findmnt: syntax(
    "s,fstab m,mtab k,kernel p,poll[=] w,timeout= A,all a,ascii b,bytes C,nocanonicalize c,canonicalize D,df e,evaluate F,tab-file= f,first-only i,invert J,json l,list N,task= n,noheadings O,options= o,output= output-all P,pairs pseudo shadowed R,submounts r,raw real S,source= T,target= M,mountpoint= tree t,types= U,uniq u,notruncate v,nofsroot y,shell x,verify verbose vfs-all h,help V,version",
  ),
  df: syntax(
    "a,all B,block-size= h,human-readable H,si i,inodes k l,local no-sync output[=] P,portability sync total t,type= T,print-type x,exclude-type= v help version",
  ),
  cal: syntax(
    "1 3 m,monday s,sunday y,year Y,twelve j,julian n,months= S,span w,week[=] v,vertical c,columns= reform= iso color[=] h,help V,version",
  ),
  locale: syntax(
    "a,all-locales m,charmaps c,category-name k,keyword-name v,verbose ?,help usage V,version",
  ),
  arch: syntax("help version"),
  getenforce: syntax(""),
  sestatus: syntax("v b"),
  lvs: syntax(LVM_REPORT),
  vgs: syntax(LVM_REPORT),
  pvs: syntax(LVM_REPORT),
  lvdisplay: syntax(LVM_DISPLAY),
  vgdisplay: syntax(LVM_DISPLAY),
  pvdisplay: syntax(LVM_DISPLAY),
  smartctl: syntax(
    "h,help,usage V,version,copyright,license i,info g,get= a,all x,xall scan scan-open q,quietmode= d,device= T,tolerance= b,badsum= r,report= n,nocheck= H,health c,capabilities A,attributes l,log= j,json[=] f,format= B,drivedb= v,vendorattribute= F,firmwarebug= P,presets= !s,smart= !o,offlineauto= !S,saveauto= !set= !t,test= !C,captive !X,abort",
  ),
  sensors: syntax("c,config-file= u A,no-adapter j f,fahrenheit h,help v,version !s,set"),
  numactl: syntax("H,hardware s,show", { maxOperands: 0 }),
  iotop: syntax(
    "o,only b,batch n,iter= d,delay= p,pid= u,user= P,processes a,accumulated k,kilobytes t,time q,quiet h,help version",
  ),
  atop: syntax("1 a c d g m n s v y b= e= r= A C D E M N P= S L= f F G I x h V !w="),
  netstat: syntax(
    "r,route i,interfaces g,groups s,statistics M,masquerade v,verbose W,wide n,numeric numeric-hosts numeric-ports numeric-users N,symbolic e,extend p,programs o,timers c,continuous l,listening a,all F,fib C,cache Z,context t,tcp u,udp x,unix w,raw 4 6 A= protocol= h,help V,version",
  ),
  ping: syntax(PING),
  ping6: syntax(PING),
  traceroute: syntax(
    "4 6 I,icmp T,tcp U,udp F,dont-fragment f,first= g,gateway= i,interface= m,max-hops= N,sim-queries= n p,port= t,tos= l,flowlabel= w,wait= q,queries= r s,source= z,sendwait= e,extensions A,as-path-lookups M,module= O,options= sport= fwmark= mtu back V,version help",
  ),
  tracepath: syntax("4 6 b l= m= n p= V"),
  mtr: syntax(
    "F,filename= 4 6 I,interface= a,address= f,first-ttl= m,max-ttl= U,max-unknown= u,udp T,tcp S,sctp P,port= L,localport= s,psize= B,bitpattern= i,interval= G,gracetime= Q,tos= e,mpls Z,timeout= M,mark= r,report w,report-wide c,report-cycles= j,json x,xml C,csv l,raw p,split t,curses displaymode= g,gtk n,no-dns b,show-ips o,order= y,ipinfo= z,aslookup h,help v,version",
  ),
  dig: syntax("4 6 b= c= f= h k= m p= q= r t= u v x= y= i"),
  drill: syntax("4 6 a b= c= D d= I= k= o= p= r= s S T t u v x y= z h V e Q"),
  nslookup: syntax(
    "debug nodebug d2 nod2 type= querytype= query= q= port= timeout= retry= class= domain= search nosearch vc novc recurse norecurse all",
    { singleDashLong: true },
  ),
  host: syntax("a A c= C d l i N= p= r R= s t= T U v V w W= 4 6 m="),
  whois: syntax(
    "h= p= H I l L m M r b B G d c x a g= i= T= s= t= q= v= k= verbose no-recursion help version",
  ),
  nmap: syntax(
    "i= s= p= P= T= O A v n R F r 6 d e= S= D= g= V h open reason top-ports= exclude= excludefile= max-retries= host-timeout= version-intensity= version-light version-all traceroute privileged unprivileged packet-trace system-dns dns-servers= min-rate= max-rate= help version !o= !script= !script-args= !script-args-file= !datadir= !resume= !stylesheet= !append-output",
    { singleDashLong: true },
  ),
  iftop: syntax("h n N p P b B i= f= F= G= l m= c= t L= o= s= !c="),
  nethogs: syntax("V h x b l a C g= d= v= t p s c= i="),
  stern: syntax(
    "n,namespace= A,all-namespaces c,container= context= kubeconfig= s,since= t,timestamps[=] l,selector= field-selector= o,output= tail= e,exclude= i,include= E,exclude-container= exclude-pod= container-state= template= color= no-follow only-log-lines highlight= condition= node= max-log-requests= h,help v,version",
  ),
  promtool: syntax("h,help version", {
    subcommands: {
      check: syntax(
        "h,help lint= lint-fatal extended syntax-only agent query.lookback-delta= ignore-unknown-fields",
        {
          subcommands: Object.fromEntries(
            [
              "config",
              "rules",
              "metrics",
              "web-config",
              "healthy",
              "ready",
              "service-discovery",
            ].map((name) => [
              name,
              syntax(
                "h,help lint= lint-fatal extended syntax-only agent http.config.file= url= timeout= refresh-interval= ignore-unknown-fields",
              ),
            ]),
          ),
        },
      ),
      query: syntax("h,help o,format= http.config.file=", {
        subcommands: Object.fromEntries(
          ["instant", "range", "series", "labels", "analyze"].map((name) => [
            name,
            syntax("h,help time= start= end= step= match= server= type= duration= limit="),
          ]),
        ),
      }),
      test: syntax("h,help", { subcommands: { rules: syntax("h,help run= diff debug junit=") } }),
    },
  }),
  pbcopy: syntax(""),
  pbpaste: syntax(""),
  kubectl_neat: syntax("f,file= o,output= h,help"),
  kubeval: syntax(
    "d,directories= i,ignore= f,filename= force-color h,help ignore-missing-schemas ignored-filename-patterns= insecure-skip-tls-verify kubernetes-version= v= openshift o,output= q,quiet s,schema-location= additional-schema-locations= skip-kinds= strict version",
  ),
  kubeconform: syntax(
    "cache= debug exit-on-error h ignore-filename-pattern= ignore-missing-schemas insecure-skip-tls-verify kubernetes-version= n= output= reject= schema-location= skip= strict summary v verbose",
    { singleDashLong: true },
  ),
  shellcheck: syntax(
    "a,check-sourced C,color[=] i,include= e,exclude= extended-analysis= f,format= list-optional norc o,enable= P,source-path= s,shell= S,severity= V,version W,wiki-link-count= x,external-sources help",
  ),
  yamllint: syntax(
    "c,config-file= d,config-data= f,format= s,strict no-warnings list-files h,help v,version",
  ),
  hadolint: syntax(
    "h,help v,version c,config= f,format= no-fail no-color V,verbose file-path-in-report= error= warning= info= style= ignore= trusted-registry= require-label= strict-labels disable-ignore-pragma t,failure-threshold=",
  ),
};
