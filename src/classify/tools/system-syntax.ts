import { syntax } from "../grammar/syntax.js";

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
