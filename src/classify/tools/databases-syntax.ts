import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The SQL clients' and redis-cli's own options; the SQL or command they send is judged by
 * their rule. `!` marks options that write a file or a pipe (`psql -o '|cmd'`, `-L`,
 * `mysql --tee`, `--pager`), load code or configuration (`--plugin-dir`, `--defaults-file`),
 * or send text the rules cannot read (`--init-command`, psql `-v` values interpolated into SQL,
 * `redis-cli --eval/--pipe`).
 */

/** psql 15–17 (`psql --help`, getopt_long). */
export const PSQL: Syntax = syntax(
  "c,command= d,dbname= f,file= l,list !v,set,variable= V,version X,no-psqlrc 1,single-transaction ?,help[=] a,echo-all b,echo-errors e,echo-queries E,echo-hidden !L,log-file= n,no-readline !o,output= q,quiet s,single-step S,single-line A,no-align csv F,field-separator= H,html P,pset= R,record-separator= t,tuples-only T,table-attr= x,expanded z,field-separator-zero 0,record-separator-zero h,host= p,port= U,username= w,no-password W,password",
  { maxOperands: 2 },
);

/** mysql / mariadb 8 and 10/11 client (`mysql --help`, my_getopt: unique prefixes). */
export const MYSQL: Syntax = syntax(
  "?,help I A,no-auto-rehash auto-rehash skip-auto-rehash B,batch binary-as-hex character-sets-dir= column-type-info C,compress c,comments skip-comments D,database= default-character-set= e,execute= E,vertical f,force G,named-commands h,host= H,html X,xml line-numbers skip-line-numbers n,unbuffered column-names N,skip-column-names sigint-ignore o,one-database p,password[=] P,port= protocol= q,quick r,raw reconnect skip-reconnect s,silent S,socket= ssl ssl-mode= ssl-ca= ssl-capath= ssl-cert= ssl-key= ssl-cipher= tls-version= skip-ssl get-server-public-key server-public-key-path= t,table u,user= U,safe-updates i-am-a-dummy v,verbose V,version w,wait connect-timeout= max-allowed-packet= net-buffer-length= show-warnings login-path= no-defaults print-defaults !T,debug-info !tee= !notee !pager[=] !no-pager !init-command= !defaults-file= !defaults-extra-file= !defaults-group-suffix= !plugin-dir= !default-auth= !local-infile[=] !load-data-local-dir= !histfile= !syslog !j,syslog !system-command[=]",
  { maxOperands: 1 },
);

/** redis-cli 7 (`redis-cli --help`): options end at the command. */
export const REDIS_CLI: Syntax = syntax(
  "h= p= s= a= user= pass= askpass u= r= i= n= 2 3 !x X= d= D= c e raw no-raw quoted-input csv json quoted-json show-pushes stat latency latency-history latency-dist lru-test= bigkeys memkeys memkeys-samples= hotkeys scan pattern= quoted-pattern= count= intrinsic-latency= verbose version no-auth-warning tls sni= cacert= cacertdir= insecure tls-ciphers= tls-ciphersuites= cert= key= t= help !rdb= !functions-rdb= !pipe !pipe-timeout= !eval= !ldb !ldb-sync-mode !cluster= !replica !i-am-a-dummy",
  { abbreviate: false, permute: false, singleDashLong: true },
);
