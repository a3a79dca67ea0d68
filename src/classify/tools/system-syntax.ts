import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * systemctl and journalctl (systemd 252–256, `--help`): getopt_long, so long options may be
 * abbreviated and options may follow the verb.
 */

export const SYSTEMCTL = syntax(
  "h,help version system user H,host= M,machine= t,type= state= failed p,property= P= a,all l,full r,recursive reverse with-dependencies job-mode= T,show-transaction show-types value check-inhibitors= i kill-whom= kill-value= s,signal= what= now dry-run q,quiet no-warn wait no-block no-wall no-reload legend= no-pager no-ask-password global runtime f,force preset-mode= root= image= image-policy= n,lines= o,output= firmware-setup boot-loader-menu= boot-loader-entry= reboot-argument= plain timestamp= read-only mkdir marked message= when= drop-in= capsule=",
);

export const JOURNALCTL = syntax(
  "system user M,machine= m,merge D,directory= i,file= root= image= image-policy= namespace= S,since= U,until= c,cursor= after-cursor= cursor-file= b,boot[=] u,unit= user-unit= t,identifier= T,exclude-identifier= p,priority= facility= g,grep= case-sensitive[=] k,dmesg o,output= output-fields= n,lines[=] r,reverse show-cursor utc x,catalog no-hostname no-full a,all f,follow no-tail q,quiet no-pager e,pager-end interval= verify-key= force h,help version N,fields F,field= list-boots disk-usage list-namespaces !vacuum-size= !vacuum-files= !vacuum-time= verify !sync !relinquish-var !smart-relinquish-var !flush !rotate header list-catalog dump-catalog !update-catalog !setup-keys list-invocations I invocation=",
  { numeric: true },
);

/*
 * Tools that show state unless given something to set (util-linux, procps-ng, net-tools;
 * their `--help` on Debian 12). The rule names the setters; these grammars list what a read
 * may contain, so any other option or an operand that would be a new value is no read.
 */

/** dmesg: `-c`/`-C` clear the ring buffer, `-D`/`-E`/`-n` change what reaches the console. */
export const DMESG = syntax(
  "!C,clear !c,read-clear !D,console-off !E,console-on F,file= f,facility= H,human J,json k,kernel L,color[=] l,level= !n,console-level= P,nopager p,force-prefix r,raw noescape S,syslog s,buffer-size= u,userspace w,follow W,follow-new x,decode d,show-delta e,reltime T,ctime t,notime time-format= since= until= h,help V,version",
  { maxOperands: 0 },
);

/** sysctl: variable names only; `NAME=value`, `-w`, `-p`/`-f`/`--load` and `--system` write. */
export const SYSCTL = syntax(
  "a,all A X deprecated dry-run b,binary e,ignore N,names n,values !p,load[=] !f[=] !system r,pattern= q,quiet !w,write o x d h,help V,version",
  { operands: /^[^=]+$/ },
);

/** hostname: an operand, `-F` and `-b` set the name. */
export const HOSTNAME = syntax(
  "a,alias A,all-fqdns !b,boot d,domain f,fqdn,long !F,file= i,ip-address I,all-ip-addresses s,short y,yp,nis h,help V,version",
  { maxOperands: 0 },
);

/** mount without operands lists; `-t` limits the list, `-l` adds labels. */
export const MOUNT = syntax("l,show-labels t,types= v,verbose h,help V,version", {
  maxOperands: 0,
});

/** swapon: only the summaries; an operand or `-a` turns swap on. */
export const SWAPON = syntax("s,summary show[=] noheadings raw bytes v,verbose h,help V,version", {
  maxOperands: 0,
});

/** top (procps-ng 4): nothing it takes writes; `-s` only restricts. No operands. */
export const TOP = syntax(
  "b,batch-mode c,cmdline-toggle d,delay= E,scale-summary-mem= e,scale-task-mem= H,threads-show i,idle-toggle n,iterations= O,list-fields o,sort-override= p,pid= S,accum-time-toggle s,secure-mode U,filter-any-user= u,filter-only-euser= w,width[=] 1,single-cpu-toggle h,help V,version",
  { maxOperands: 0 },
);

/** arp (net-tools): `-d`, `-s`, `-f` change the cache. */
export const ARP = syntax(
  "a e v,verbose n,numeric i,device= H= t= A,p,protocol= D,use-device !s,set !d,delete !f,file h,help V,version",
);

/** ifconfig (net-tools): its own parser; an interface alone reads, anything after it sets. */
export const IFCONFIG = syntax("a s v", { abbreviate: false, permute: false, maxOperands: 1 });

/**
 * A systemd tool with verbs (getopt_long, options anywhere): `reads` maps each verb that only
 * shows state to how many operands it may take (`hostnamectl hostname NAME` sets the name).
 */
function systemdVerbs(
  options: string,
  reads: Readonly<Record<string, number | undefined>>,
): Syntax {
  const level = (maxOperands: number | undefined): Syntax =>
    syntax(options, maxOperands === undefined ? {} : { maxOperands });
  return syntax(options, {
    subcommands: Object.fromEntries(
      Object.entries(reads).map(([verb, max]) => [verb, level(max)] as const),
    ),
  });
}

const SYSTEMD_COMMON = "h,help version no-pager no-ask-password H,host= M,machine=";

/** timedatectl (systemd 252): the `set-*` verbs change the clock. */
export const TIMEDATECTL = systemdVerbs(
  `${SYSTEMD_COMMON} adjust-system-clock monitor p,property= a,all value`,
  { status: 0, show: 0, "list-timezones": 0, "timesync-status": 0, "show-timesync": 0 },
);

/** hostnamectl: a verb with a NAME sets it. */
export const HOSTNAMECTL = systemdVerbs(`${SYSTEMD_COMMON} transient static pretty json=`, {
  status: 0,
  hostname: 0,
  "icon-name": 0,
  chassis: 0,
  deployment: 0,
  location: 0,
});

/** localectl: the `list-*` verbs and `status`. */
export const LOCALECTL = systemdVerbs(`${SYSTEMD_COMMON} no-convert`, {
  status: 0,
  "list-locales": 0,
  "list-keymaps": 0,
  "list-x11-keymap-models": 0,
  "list-x11-keymap-layouts": 0,
  "list-x11-keymap-variants": 1,
  "list-x11-keymap-options": 0,
});

/** loginctl: listings and status; `activate`, `attach`, `lock-*`, `flush-devices`… change. */
export const LOGINCTL = systemdVerbs(
  `${SYSTEMD_COMMON} no-legend p,property= P= a,all value l,full kill-whom= s,signal= n,lines= o,output=`,
  {
    "list-sessions": 0,
    "session-status": undefined,
    "show-session": undefined,
    "list-users": 0,
    "user-status": undefined,
    "show-user": undefined,
    "list-seats": 0,
    "seat-status": undefined,
    "show-seat": undefined,
  },
);

/** networkctl: `list`, `status`, `lldp`, `label`; the others change links. */
export const NETWORKCTL = systemdVerbs(
  `${SYSTEMD_COMMON} no-legend a,all s,stats l,full n,lines= json=`,
  { list: undefined, status: undefined, lldp: undefined, label: 0 },
);

/**
 * auditctl (audit 3): `-l` lists rules, `-s` shows the status; any other option adds,
 * deletes or changes rules (`-D`, `-e 0`, `-w`, `-a`), so it is not listed.
 */
export const AUDITCTL = syntax("l s v h", { abbreviate: false, maxOperands: 0 });

/**
 * ipvsadm (1.31, popt): `-L`/`-l` lists with its display options; `-C` clears, `-A`/`-E`/
 * `-D`/`-a`/`-e`/`-d`/`-R`/`-S`/`-Z` change or zero the table.
 */
export const IPVSADM = syntax(
  "L,l,list n,numeric c,connection exact stats rate thresholds persistent-conn sort nosort t,tcp-service= u,udp-service= f,fwmark-service= timeout daemon h,help v,version",
  { abbreviate: false, maxOperands: 0 },
);
