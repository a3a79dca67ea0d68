import { syntax } from "../grammar/syntax.js";

/*
 * Grammars of the file and text tools that can also write (from GNU sed 4.9, GNU tar 1.34,
 * coreutils 9, gzip 1.12, findutils 4.9, rsync 3.2 and mawk/gawk's manuals). `!` marks options
 * that write, run programs or read a program the rules cannot see.
 */

export const SED = syntax(
  "n,quiet,silent debug e,expression= !f,file= follow-symlinks !i,in-place[=] l,line-length= posix E,r,regexp-extended s,separate sandbox u,unbuffered z,null-data help version",
);

/** POSIX awk plus gawk's and mawk's options; the first operand ends the options. */
export const AWK = syntax(
  "F,field-separator= v,assign= !f,file= !i,include= !l,load= !E,exec= e,source= b,characters-as-bytes c,traditional C,copyright !d,dump-variables[=] !D,debug[=] g,gen-pot h,help L,lint[=] M,bignum N,use-lc-numeric n,non-decimal-data !o,pretty-print[=] O,optimize !p,profile[=] P,posix r,re-interval s,no-optimize S,sandbox t,lint-old V,version W=",
  { permute: false },
);

export const SORT = syntax(
  "b,ignore-leading-blanks d,dictionary-order f,ignore-case g,general-numeric-sort i,ignore-nonprinting M,month-sort h,human-numeric-sort n,numeric-sort R,random-sort random-source= r,reverse sort= V,version-sort batch-size= c C check[=] !compress-program= debug files0-from= k,key= m,merge !o,output= s,stable S,buffer-size= t,field-separator= T,temporary-directory= parallel= u,unique z,zero-terminated help version",
);

/** `uniq [IN [OUT]]`: a second operand is written. */
export const UNIQ = syntax(
  "c,count d,repeated D all-repeated[=] f,skip-fields= group[=] i,ignore-case s,skip-chars= u,unique z,zero-terminated w,check-chars= help version",
  { maxOperands: 1, numeric: true },
);

/** `xxd [IN [OUT]]`; `-r` turns a dump back into bytes (into OUT when given). */
export const XXD = syntax(
  "a,autoskip b,bits C,capitalize c,cols= E,EBCDIC e g,groupsize= h,help i,include l,len= n,name= o,offset= p,ps,postscript,plain r,revert d s,seek= u v,version R=",
  { maxOperands: 1, singleDashLong: true },
);

export const SS = syntax(
  "h,help V,version H,no-header O,oneline n,numeric r,resolve a,all l,listening o,options e,extended m,memory p,processes T,threads i,info s,summary E,events Z,context z,contexts N,net= b,bpf 4,ipv4 6,ipv6 0,packet t,tcp S,sctp u,udp d,dccp w,raw x,unix tipc vsock xdp inet-sockets mptcp f,family= A,query,socket= D,diag= F,filter= !K,kill",
);

/** GNU tar, after old-style letters (`tar tzf x`) are spelled as options. */
export const TAR = syntax(
  "!A,catenate,concatenate !c,create !delete d,diff,compare !r,append test-label t,list !u,update !x,extract,get check-device !g,listed-incremental= G,incremental hole-detection= ignore-failed-read level= no-check-device no-seek n,seek occurrence[=] sparse-version= S,sparse add-file= C,directory= exclude= exclude-backups exclude-caches exclude-caches-all exclude-ignore= exclude-ignore-recursive= exclude-tag= exclude-tag-all= exclude-tag-under= exclude-vcs exclude-vcs-ignores no-null no-recursion no-unquote no-verbatim-files-from null recursion T,files-from= unquote verbatim-files-from X,exclude-from= anchored ignore-case no-anchored no-ignore-case no-wildcards no-wildcards-match-slash wildcards wildcards-match-slash keep-directory-symlink keep-newer-files k,keep-old-files no-overwrite-dir one-top-level[=] !overwrite overwrite-dir !recursive-unlink !remove-files skip-old-files !U,unlink-first W,verify no-ignore-command-error O,to-stdout !to-command= atime-preserve[=] clamp-mtime delay-directory-restore group= group-map= mode= mtime= m,touch no-delay-directory-restore no-same-owner no-same-permissions numeric-owner owner= owner-map= p,preserve-permissions,same-permissions same-owner sort= s,preserve-order,same-order acls no-acls no-selinux no-xattrs selinux xattrs xattrs-exclude= xattrs-include= force-local f,file= !F,info-script,new-volume-script= L,tape-length= M,multi-volume !rmt-command= !rsh-command= !volno-file= b,blocking-factor= B,read-full-records i,ignore-zeros record-size= H,format= o,old-archive,portability posix V,label= a,auto-compress !I,use-compress-program= j,bzip2 J,xz lzip lzma lzop no-auto-compress zstd z,gzip,gunzip,ungzip Z,compress,uncompress !backup[=] hard-dereference h,dereference K,starting-file= newer-mtime= N,newer,after-date= one-file-system P,absolute-names !suffix= strip-components= transform,xform= checkpoint[=] !checkpoint-action= full-time !index-file= l,check-links no-quote-chars= quote-chars= quoting-style= R,block-number show-defaults show-omitted-dirs show-snapshot-field-ranges show-transformed-names,show-stored-names totals[=] utc v,verbose warning= w,interactive,confirmation ?,help restrict usage version",
);

const COMPRESSOR =
  "c,stdout,to-stdout d,decompress,uncompress f,force h,help !k,keep l,list L,license n,no-name N,name q,quiet !r,recursive rsyncable !S,suffix= t,test v,verbose V,version fast best synchronous T,threads= b,blocksize= p,processes= i,independent";

/** gzip, pigz, bzip2, xz, zstd and lz4 share the flags that matter: `-c`, `-d`, `-l`, `-t`, `-k`. */
export const COMPRESS = {
  gzip: syntax(COMPRESSOR, { numeric: true }),
  pigz: syntax(COMPRESSOR, { numeric: true }),
  bzip2: syntax(
    "c,stdout d,decompress z,compress !k,keep f,force t,test q,quiet v,verbose s,small L,license V,version h,help fast best",
    { numeric: true },
  ),
  xz: syntax(
    "z,compress d,decompress,uncompress t,test l,list !k,keep f,force c,stdout,to-stdout e,extreme T,threads= q,quiet v,verbose Q,no-warn F,format= C,check= memlimit= M= no-sparse !S,suffix= h,help H,long-help V,version",
    { numeric: true },
  ),
  zstd: syntax(
    "c,stdout d,decompress,uncompress l,list t,test !k,keep q,quiet v,verbose f,force T,threads= fast[=] ultra long[=] !o= !rm !r !D= no-progress h,help H V,version",
    { numeric: true },
  ),
  lz4: syntax(
    "c,stdout d,decompress l,list t,test !k,keep q,quiet v,verbose f,force m,multiple !rm h,help H V,version",
    { numeric: true },
  ),
};

export const TEE = syntax("a,append i,ignore-interrupts p output-error[=] help version");

/** find's expression with its global options; `-exec` … `;` is taken out before parsing. */
export const FIND = syntax(
  "H L P D= O= name= iname= path= ipath= wholename= iwholename= regex= iregex= type= xtype= size= mtime= mmin= atime= amin= ctime= cmin= newer= anewer= cnewer= newermt= newerct= newerat= newermm= newerBt= perm= user= group= uid= gid= nouser nogroup empty links= inum= samefile= lname= ilname= readable writable executable true false fstype= used= context= maxdepth= mindepth= depth d mount xdev follow noleaf daystart ignore_readdir_race noignore_readdir_race regextype= warn nowarn files0-from= print print0 printf= ls prune quit not a and o or help version !delete !fprint= !fprint0= !fls= !fprintf=",
  { singleDashLong: true, abbreviate: false },
);

export const RSYNC = syntax(
  "v,verbose info= debug= stderr= q,quiet no-motd c,checksum a,archive r,recursive R,relative no-implied-dirs b,backup backup-dir= suffix= u,update inplace append append-verify d,dirs mkpath l,links L,copy-links copy-unsafe-links safe-links munge-links k,copy-dirlinks K,keep-dirlinks H,hard-links p,perms E,executability chmod= A,acls X,xattrs o,owner g,group devices copy-devices write-devices specials D t,times U,atimes open-noatime N,crtimes O,omit-dir-times J,omit-link-times super fake-super S,sparse preallocate n,dry-run W,whole-file checksum-choice,cc= x,one-file-system B,block-size= existing ignore-existing remove-source-files del delete delete-before delete-during delete-delay delete-after delete-excluded ignore-missing-args delete-missing-args ignore-errors force max-delete= max-size= min-size= max-alloc= partial partial-dir= delay-updates m,prune-empty-dirs numeric-ids usermap= groupmap= chown= timeout= contimeout= I,ignore-times size-only modify-window= T,temp-dir= y,fuzzy compare-dest= copy-dest= link-dest= z,compress compress-choice,zc= compress-level,zl= skip-compress= C,cvs-exclude f,filter= F exclude= exclude-from= include= include-from= files-from= 0,from0 old-args s,secluded-args trust-sender copy-as= address= port= sockopts= blocking-io outbuf= stats 8,8-bit-output h,human-readable progress P i,itemize-changes !M,remote-option= out-format= log-file-format= password-file= early-input= list-only bwlimit= stop-after= stop-at= fsync protocol= iconv= 4,ipv4 6,ipv6 V,version help !e,rsh= !rsync-path= !log-file= !write-batch= !only-write-batch= !read-batch= !daemon !config=",
  { abbreviate: false },
);
