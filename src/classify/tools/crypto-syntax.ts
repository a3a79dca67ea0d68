import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * openssl's grammar (OpenSSL 3.0–3.3, `openssl COMMAND -help`): options are one dash and a
 * name, never abbreviated, and end at the first operand. Only commands that inspect, verify
 * or print are listed; any other command (key and certificate generators, `ca`, `enc`,
 * `engine`, `s_server`…) is unknown, so never a proven read. Options marked `!` write a file
 * (`-out`, `-keyout`, `-sess_out`, `-writerand`…), load code (`-engine`, `-provider`,
 * `-provider-path`, `-config`) or turn a read into a change (`x509 -signkey`, `req -new`).
 */

const COMMON = "help !engine= !provider= !provider-path= propquery= !rand= !writerand= !config=";
const NAMES = "nameopt= inform= passin= in= text noout";
const leaf = (spec: string, maxOperands?: number): Syntax =>
  syntax(`${COMMON} ${spec}`, {
    abbreviate: false,
    permute: false,
    singleDashLong: true,
    ...(maxOperands === undefined ? {} : { maxOperands }),
  });

const DIGESTS = "md5 sha1 sha224 sha256 sha384 sha512 sha3-256 sha3-512 sm3 blake2b512 blake2s256";

/** openssl from the word after its name. */
export const OPENSSL: Syntax = syntax("help", {
  abbreviate: false,
  singleDashLong: true,
  subcommands: {
    version: leaf("a v b o f p d e m r c"),
    x509: leaf(
      `${NAMES} outform= subject issuer serial dates startdate enddate fingerprint hash subject_hash issuer_hash subject_hash_old issuer_hash_old pubkey modulus email ocspid ocsp_uri purpose alias checkend= checkhost= checkemail= checkip= ext= certopt= dateopt= ${DIGESTS} noout !out= !signkey= !key= !CA= !CAkey= !req !x509toreq !new !days= !set_serial= !extfile= !CAcreateserial !CAserial= !force_pubkey= !setalias= !addtrust= !addreject= !clrtrust !clrreject !trustout`,
    ),
    req: leaf(
      `${NAMES} verify subject pubkey modulus reqopt= !new !newkey= !out= !keyout= !x509 !key= !signkey= !days= !set_serial= !subj= !addext= !extensions= !reqexts= !nodes !noenc !batch`,
    ),
    crl: leaf(
      `${NAMES} hash hash_old issuer lastupdate nextupdate fingerprint crlnumber CAfile= CApath= verify outform= !out= !gendelta=`,
    ),
    verify: leaf(
      "CAfile= CApath= CAstore= no-CAfile no-CApath no-CAstore untrusted= trusted= purpose= verbose show_chain crl_check crl_check_all CRLfile= crl_download partial_chain attime= verify_hostname= verify_email= verify_ip= verify_depth= x509_strict policy_check issuer_checks ignore_critical",
    ),
    s_client: leaf(
      "connect= host= port= bind= servername= noservername showcerts CAfile= CApath= CAstore= no-CAfile no-CApath verify= verify_return_error verifyCAfile= brief status alpn= nextprotoneg= tls1 tls1_1 tls1_2 tls1_3 no_tls1 no_tls1_1 no_tls1_2 no_tls1_3 dtls starttls= xmpphost= name= proxy= proxy_user= proxy_pass= crlf quiet ign_eof no_ign_eof msg debug state prexit timeout cipher= ciphersuites= curves= groups= sigalgs= cert= key= certform= keyform= pass= 4 6 verify_hostname= verify_ip= ct noct reconnect no_ticket legacy_renegotiation security_debug !sess_out= !sess_in= !keylogfile= !msgfile= !trace !ssl_config=",
    ),
    rsa: leaf(
      `${NAMES} pubin pubout check modulus RSAPublicKey_in RSAPublicKey_out outform= !out= !passout= !aes128 !aes256 !des3`,
    ),
    ec: leaf(
      `${NAMES} pubin pubout check param_out no_public conv_form= param_enc= outform= !out= !passout= !aes128 !aes256 !des3`,
    ),
    pkey: leaf(
      `${NAMES} pubin pubout check pubcheck text_pub outform= !out= !passout= !traditional !aes128 !aes256 !des3`,
    ),
    pkcs12: leaf(
      "in= passin= password= info noout nokeys nocerts clcerts cacerts legacy !out= !passout= !export !nodes !noenc !inkey= !certfile= !name= !aes128 !aes256 !des3",
    ),
    pkcs7: leaf(`${NAMES} print print_certs outform= !out=`),
    asn1parse: leaf(
      "inform= in= i dump dlimit= offset= length= strparse= noout oid= strictpem item= !out= !genstr= !genconf=",
    ),
    dgst: leaf(
      `${DIGESTS} r hex binary c list verify= prverify= signature= keyform= passin= !out= !sign= !hmac= !mac= !macopt= !sigopt=`,
    ),
    ...Object.fromEntries(
      ["md5", "sha1", "sha256", "sha512"].map((name) => [name, leaf("r hex binary c !out=")]),
    ),
    ciphers: leaf("v V s tls1 tls1_1 tls1_2 tls1_3 stdname psk srp convert= ciphersuites=", 1),
    rand: leaf("hex base64 !out=", 1),
    base64: leaf("d a A in= !out=", 0),
    ocsp: leaf(
      "issuer= cert= serial= url= host= path= CAfile= CApath= VAfile= verify_other= noverify no_nonce nonce text resp_text req_text header= timeout= respin= reqin= !respout= !reqout= !signer= !signkey= !out= !index= !port=",
    ),
    sess_id: leaf("inform= in= text noout cert context= outform= !out="),
    errstr: leaf(""),
    prime: leaf("hex check bits= generate safe"),
    speed: leaf(
      "elapsed evp= seconds= bytes= multi= async_jobs= misalign= decrypt mb mr primes= hmac= cmac= aead kem-algorithms signature-algorithms",
    ),
  },
});

/**
 * The gpg commands that only list, verify or print (to stdout unless `-o`): GnuPG 2.2–2.4,
 * gpg(1). Hidden aliases (`--list-key`, `--list-sig`, `--check-sig`, `--show-key`) are the
 * same commands.
 */
const GPG_READS =
  "k,list-keys,list-key,list-public-keys K,list-secret-keys list-signatures,list-sigs,list-sig check-signatures,check-sigs,check-sig fingerprint list-packets card-status verify verify-files export export-ssh-key export-ownertrust show-keys,show-key print-md print-mds list-config list-gcrypt-config d,decrypt dump-options version h,help warranty";

/** The gpg command options {@link GPG} lists, by their first name: a read needs one of them. */
export const GPG_READ_COMMANDS: ReadonlySet<string> = new Set(
  GPG_READS.split(" ").map((entry) => entry.split(",").find((n) => n.length > 1) ?? ""),
);

/**
 * gpg's grammar (GnuPG 2.2–2.4, gpg(1), `gpg --dump-options`): GnuPG's own argument parser
 * accepts a unique prefix of a long option and lets options follow operands. Only the read
 * commands and the options that shape their output are listed; everything else (key
 * changes, keyserver traffic, encryption and signing, which write `FILE.gpg` next to the
 * input) is unknown. `!` marks options that write (`-o`), point gpg at another key store or
 * configuration (`--homedir`, `--keyring`, `--options`), fetch keys (`--keyserver`,
 * `--auto-key-*`), or run programs (`--exec-path`, `--photo-viewer`, `--agent-program`,
 * `--dirmngr-program`, and the `--list-options`/`--verify-options`/`--keyserver-options`
 * that show photos through a viewer).
 */
export const GPG = syntax(
  `${GPG_READS} a,armor v,verbose q,quiet batch no-batch no-tty with-colons fixed-list-mode with-fingerprint with-subkey-fingerprint,with-subkey-fingerprints with-keygrip with-secret with-sig-list with-sig-check with-key-data with-key-origin with-wkd-hash with-tofu-info with-icao-spelling keyid-format= status-fd= logger-fd= attribute-fd= no-greeting no-permission-warning no-options no-default-keyring no-auto-check-trustdb charset= display-charset= utf8-strings no-utf8-strings no-autostart show-keyring show-session-key list-only pinentry-mode= passphrase= passphrase-fd= passphrase-file= !o,output= !homedir= !keyring= !secret-keyring= !primary-keyring= !options= !exec-path= !photo-viewer= !show-photos !keyserver= !keyserver-options= !list-options= !verify-options= !export-options= !import-options= !auto-key-retrieve !auto-key-locate= !locate-keys !agent-program= !dirmngr-program= !log-file= !logger-file= !export-secret-keys !export-secret-subkeys`,
);
