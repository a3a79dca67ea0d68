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

/**
 * resolvectl (systemd 252–256): the per-link verbs (`dns`, `domain`, `llmnr`…) show a
 * setting given only the link and set it given more; `flush-caches`, `reset-*`, `revert`
 * and `log-level LEVEL` change the resolver.
 */
const PER_LINK = ["dns", "domain", "default-route", "llmnr", "mdns", "dnssec", "dnsovertls", "nta"];
export const RESOLVECTL = systemdVerbs(
  `${SYSTEMD_COMMON} 4 6 i,interface= t,type= c,class= p,protocol= service-address= service-txt= cname= search= raw= legend= validate= synthesize= cache= stale-data= relax-single-label= zone= trust-anchor= network= json= j no-legend`,
  {
    status: undefined,
    query: undefined,
    service: undefined,
    openpgp: undefined,
    tlsa: undefined,
    statistics: 0,
    monitor: 0,
    "show-cache": 0,
    "show-server-state": 0,
    "log-level": 0,
    ...Object.fromEntries(PER_LINK.map((verb) => [verb, 1])),
  },
);

/**
 * ntpq (ntp 4.2.8, AutoOpts: unique prefixes of long options). `-c` runs an ntpq command:
 * only the listed ones show state (`:config`, `config-from-file`, `writevar` change the
 * server); `--save-opts` writes and `--load-opts` reads an option file.
 */
export const NTPQ = syntax(
  "4,ipv4 6,ipv6 c,command=rv|readvar|pe|peers|lpeers|opeers|as|associations|sysinfo|sysstats|kerninfo|iostats|monstats|ifstats|reslist|version|host d,debug-level D,set-debug-level= n,numeric old-rv p,peers r,refid= w,wide ?,help more-help version !i,interactive !save-opts[=] !load-opts=",
);

/**
 * chronyc (4.x): its options, then one command. Only the commands that show state are
 * listed (`makestep`, `burst`, `settime`, `reload`, `dump`, `clients -r`… change it); `-m`
 * takes every operand as another command, `-f` names another chrony.conf.
 */
const chronycLevel = (options: string, maxOperands?: number): Syntax =>
  syntax(options, { abbreviate: false, ...(maxOperands === undefined ? {} : { maxOperands }) });
export const CHRONYC = syntax("4 6 n c d e N h= p= a v !m !f=", {
  abbreviate: false,
  subcommands: {
    tracking: chronycLevel("", 0),
    sources: chronycLevel("a v", 0),
    sourcestats: chronycLevel("a v", 0),
    selectdata: chronycLevel("a v", 0),
    activity: chronycLevel("", 0),
    ntpdata: chronycLevel("", 1),
    authdata: chronycLevel("a", 0),
    serverstats: chronycLevel("", 0),
    clients: chronycLevel("p= k", 0),
    rtcdata: chronycLevel("", 0),
    smoothing: chronycLevel("", 0),
    waitsync: chronycLevel("", 4),
  },
});

/**
 * tcpdump (4.99, getopt_long): capturing and printing only. `-w` writes a capture, `-z`
 * runs a program on each file it closes, `-I` switches the interface to monitor mode,
 * `-V`, `-F` and `-r` read files, `-Z` drops privileges. Operands are the filter.
 */
export const TCPDUMP = syntax(
  "A b B,buffer-size= c= count C= d D,list-interfaces e f F= G= h,help H i,interface= immediate-mode j,time-stamp-type= J,list-time-stamp-types time-stamp-precision= micro nano K,dont-verify-checksums l L,list-data-link-types m= M= n N #,number O,no-optimize p,no-promiscuous-mode print Q,direction= q r= S,absolute-tcp-sequence-numbers s,snapshot-length= T= t u U,packet-buffered v V= version W= x X y,linktype= Z,relinquish-privileges= skip= lengths !w= !z= !I,monitor-mode",
);
