import { syntax } from "../grammar/syntax.js";

/**
 * curl's options (curl 7.88–8.x `--help all`); curl accepts unique prefixes of long options.
 * `!` marks options that write local files, read a config the rules cannot see, or send FTP
 * commands. Request bodies and methods are judged by the curl rule.
 */
export const CURL = syntax(
  "abstract-unix-socket= alt-svc= anyauth a,append aws-sigv4= basic ca-native cacert= capath= E,cert= cert-status cert-type= ciphers= compressed compressed-ssh connect-timeout= connect-to= C,continue-at= b,cookie= crlf crlfile= curves= d,data= data-ascii= data-binary= data-raw= data-urlencode= delegation= digest q,disable disable-eprt disable-epsv disallow-username-in-url dns-interface= dns-ipv4-addr= dns-ipv6-addr= dns-servers= doh-cert-status doh-insecure doh-url= ech= egd-file= engine= expect100-timeout= f,fail fail-early fail-with-body false-start form-escape F,form= form-string= ftp-account= ftp-alternative-to-user= ftp-method= ftp-pasv P,ftp-port= ftp-pret ftp-skip-pasv-ip ftp-ssl-ccc ftp-ssl-ccc-mode= ftp-ssl-control G,get g,globoff happy-eyeballs-timeout-ms= haproxy-clientip= haproxy-protocol I,head H,header= h,help[=] hostpubmd5= hostpubsha256= http0.9 0,http1.0 http1.1 http2 http2-prior-knowledge http3 http3-only ignore-content-length i,include k,insecure interface= ip-tos= ipfs-gateway= 4,ipv4 6,ipv6 json= j,junk-session-cookies keepalive-cnt= keepalive-time= key= key-type= krb= limit-rate= l,list-only local-port= L,location location-trusted login-options= mail-auth= mail-from= mail-rcpt= mail-rcpt-allowfails M,manual max-filesize= max-redirs= m,max-time= metalink mptcp negotiate n,netrc netrc-file= netrc-optional :,next no-alpn N,no-buffer no-clobber no-keepalive no-npn no-progress-meter no-sessionid noproxy= ntlm ntlm-wb oauth2-bearer= Z,parallel parallel-immediate parallel-max= pass= path-as-is pinnedpubkey= post301 post302 post303 preproxy= #,progress-bar proto= proto-default= proto-redir= x,proxy= proxy-anyauth proxy-basic proxy-ca-native proxy-cacert= proxy-capath= proxy-cert= proxy-cert-type= proxy-ciphers= proxy-crlfile= proxy-digest proxy-header= proxy-http2 proxy-insecure proxy-key= proxy-key-type= proxy-negotiate proxy-ntlm proxy-pass= proxy-pinnedpubkey= proxy-service-name= proxy-ssl-allow-beast proxy-ssl-auto-client-cert proxy-tls13-ciphers= proxy-tlsauthtype= proxy-tlspassword= proxy-tlsuser= proxy-tlsv1 U,proxy-user= proxy1.0= p,proxytunnel pubkey= r,range= rate= raw e,referer= R,remote-time remove-on-error X,request= request-target= resolve= retry= retry-all-errors retry-connrefused retry-delay= retry-max-time= sasl-authzid= sasl-ir service-name= S,show-error s,silent socks4= socks4a= socks5= socks5-basic socks5-gssapi socks5-gssapi-nec socks5-gssapi-service= socks5-hostname= Y,speed-limit= y,speed-time= ssl ssl-allow-beast ssl-auto-client-cert ssl-no-revoke ssl-reqd ssl-revoke-best-effort 2,sslv2 3,sslv3 styled-output suppress-connect-headers tcp-fastopen tcp-nodelay t,telnet-option= tftp-blksize= tftp-no-options z,time-cond= tls-max= tls13-ciphers= tlsauthtype= tlspassword= tlsuser= 1,tlsv1 tlsv1.0 tlsv1.1 tlsv1.2 tlsv1.3 tr-encoding trace-config= trace-ids trace-time unix-socket= T,upload-file= url= url-query= B,use-ascii u,user= A,user-agent= variable= v,verbose V,version w,write-out= o,output= !output-dir= !O,remote-name !remote-name-all !J,remote-header-name !c,cookie-jar= !D,dump-header= !trace= !trace-ascii= !stderr= !libcurl= !etag-save= etag-compare= !hsts= !K,config= !create-dirs !ftp-create-dirs create-file-mode= !xattr !Q,quote=",
);

/**
 * GNU wget 1.21 (`wget --help`, wget(1)): getopt_long, so long options may be abbreviated and
 * every boolean long option has a `--no-` form. `-nv`, `-nc`, `-nd`, `-nH`, `-np` are `-n`
 * with a letter. `!` marks options that write files (`-o` logs, `-P`, `-N`, `-c`, cookies,
 * WARC, HSTS database, `--unlink`, `--xattr`), send a body (`--post-*`, `--body-*`), run
 * programs or `.wgetrc` commands (`-e`, `--config`, `--use-askpass`), go to the background
 * (`-b`), recurse (`-r`, `-m`, `-p`) or read URLs the script does not show (`-i`). `-O` and
 * `--spider` are judged by the wget rule: only `-O -` (or `/dev/null`) and `--spider` keep a
 * read; `--method` keeps one only for GET, HEAD or OPTIONS.
 */
export const WGET = syntax(
  "V,version h,help !b,background !e,execute= !o,output-file= !a,append-output= d,debug q,quiet v,verbose n=v|c|d|H|p no-verbose report-speed= !i,input-file= F,force-html B,base= !config= no-config !rejected-log= t,tries= retry-connrefused retry-on-http-error= retry-on-host-error O,output-document= no-clobber no-netrc !c,continue start-pos= progress= show-progress !N,timestamping no-if-modified-since no-use-server-timestamps S,server-response spider T,timeout= dns-timeout= connect-timeout= read-timeout= w,wait= waitretry= random-wait no-proxy Q,quota= bind-address= limit-rate= no-dns-cache restrict-file-names= ignore-case 4,inet4-only 6,inet6-only prefer-family= user= password= !ask-password !use-askpass= no-iri local-encoding= remote-encoding= !unlink !xattr no-directories !x,force-directories no-host-directories !protocol-directories !P,directory-prefix= cut-dirs= http-user= http-password= no-cache default-page= !E,adjust-extension ignore-length header= compression= max-redirect= proxy-user= proxy-password= referer= !save-headers U,user-agent= no-http-keep-alive no-cookies load-cookies= !save-cookies= keep-session-cookies !post-data= !post-file= method=GET|HEAD|OPTIONS|get|head|options !body-data= !body-file= !content-disposition content-on-error auth-no-challenge secure-protocol= https-only no-check-certificate certificate= certificate-type= private-key= private-key-type= ca-certificate= ca-directory= crl-file= pinnedpubkey= ciphers= no-hsts !hsts-file= ftp-user= ftp-password= !no-remove-listing no-glob no-passive-ftp !preserve-permissions !retr-symlinks ftps-implicit ftps-resume-ssl ftps-clear-data-connection ftps-fallback-to-ftp !warc-file= !warc-header= !warc-max-size= !warc-cdx !warc-dedup= no-warc-compression no-warc-digests no-warc-keep-log !warc-tempdir= !r,recursive l,level= !delete-after !k,convert-links !convert-file-only !backups= !K,backup-converted !m,mirror !p,page-requisites strict-comments A,accept= R,reject= accept-regex= reject-regex= regex-type= D,domains= exclude-domains= follow-ftp follow-tags= ignore-tags= H,span-hosts L,relative I,include-directories= !trust-server-names X,exclude-directories= no-parent",
  { negatable: true },
);

/**
 * HTTPie 3.2 (`httpie/cli/definition.py`): Python argparse, so long options may be
 * abbreviated, short flags clustered, and options written among the operands; every
 * `--OPTION` has a `--no-OPTION` that resets it. `!` marks what writes files (`-o`, `-d`,
 * `-c`, `--session`, `--session-read-only` creates one), sends a body (`--raw`, `-f`,
 * `--multipart`, `--boundary`, `-j`, `-x`, `--chunked`) or names an unknown auth plugin.
 * The operands (method, URL, request items) are judged by the HTTPie rule with
 * {@link HTTPIE_READ_ITEM}.
 */
export const HTTPIE = syntax(
  "!j,json !f,form !multipart !boundary= !raw= !x,compress pretty=all|colors|format|none s,style= unsorted sorted response-charset= response-mime= format-options= p,print= h,headers m,meta b,body v,verbose all P,history-print= S,stream !o,output= !d,download !c,continue q,quiet !session= !session-read-only= a,auth= A,auth-type=basic|digest|bearer ignore-netrc offline proxy= F,follow max-redirects= max-headers= timeout= check-status path-as-is !chunked verify= ssl= ciphers= cert= cert-key= cert-key-pass= I,ignore-stdin help manual version traceback default-scheme= debug",
  { negatable: true },
);

/**
 * A request item that only shapes a read: a header (`Accept:application/json`), an empty
 * header (`X-Trace;`) or a query parameter (`page==2`). HTTPie splits an item at its first
 * separator, the longest one at that place; `=`, `:=`, `@`, `=@`, `:=@` make a body, `:@` and
 * `==@` read a file into the request, and a backslash escapes a separator, so an item with
 * any of these (or a backslash at all) is not known to be a read.
 */
export const HTTPIE_READ_ITEM = /^[^\\:;=@]+(?::(?![=@])[^\\]*|;|==(?!@)[^\\]*)$/;
