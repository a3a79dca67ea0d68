import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * The grammars of the wrappers that carry a command to another machine or into a container
 * (`ssh host cmd`, `kubectl exec pod -- cmd`, `docker exec c cmd`). The carried command is
 * classified on its own; these hold the wrapper's own words to what is known to be safe.
 * `kubectl exec` uses kubectl's grammar (`kube-syntax.ts`).
 */

/**
 * OpenSSH 9 `ssh` (its usage line and ssh(1)); getopt without long options, options end at the
 * destination. `!` marks what listens, forwards, runs or loads something on this machine, writes
 * a file, or outlives the step: port and agent forwarding, `-f`, `-M`/`-S`/`-O` control
 * sockets, `-E` log file, `-F` configuration, `-I` PKCS#11 library, `-s` subsystem, `-W`/`-w`.
 */
export const SSH: Syntax = syntax(
  "4 6 !A a C !f G !g K k !M !N n q !s T t V v !X x !Y y !B= b= c= !D= !E= e= !F= !I= i= J= !L= l= m= !O= o= P= p= Q= !R= !S= !W= !w=",
  { abbreviate: false, permute: false, maxOperands: 1 },
);

/**
 * `ssh -o Key=value` keys that only choose how to connect (ssh_config(5)); any other key (the
 * ones that run local commands, forward ports or agents, write files) is not a proven read.
 * A value pattern, where given, limits the value (`UserKnownHostsFile` may only be `/dev/null`:
 * ssh writes new host keys to that file).
 */
export const SSH_CONNECT_KEYS: ReadonlyMap<string, RegExp | undefined> = new Map<
  string,
  RegExp | undefined
>([
  ...[
    "addressfamily",
    "batchmode",
    "bindaddress",
    "checkhostip",
    "ciphers",
    "compression",
    "connectionattempts",
    "connecttimeout",
    "hostkeyalgorithms",
    "hostname",
    "identitiesonly",
    "identityfile",
    "kexalgorithms",
    "loglevel",
    "macs",
    "numberofpasswordprompts",
    "passwordauthentication",
    "port",
    "preferredauthentications",
    "pubkeyauthentication",
    "serveraliveinterval",
    "serveralivecountmax",
    "stricthostkeychecking",
    "user",
  ].map((key): [string, undefined] => [key, undefined]),
  ["userknownhostsfile", /^\/dev\/null$/],
]);

/**
 * `docker exec` / `podman exec` and `docker compose exec` (docker 27, podman 5, compose 2):
 * pflag, no abbreviations, options end at the container. `--env-file` reads variables the rules
 * cannot see and `--privileged` lifts the container's limits; `-e NAME=value` values are rated
 * like assignments by the rule.
 */
const EXEC = syntax(
  "d,detach detach-keys= e,env= !env-file= i,interactive !privileged t,tty u,user= w,workdir= T,no-TTY index= l,latest",
  { abbreviate: false, permute: false, maxOperands: 1 },
);

/** `docker exec …` and `docker compose exec …` from the word after `docker`. */
export const CONTAINER_EXEC: Syntax = syntax("", {
  abbreviate: false,
  subcommands: {
    exec: EXEC,
    compose: syntax("", { abbreviate: false, subcommands: { exec: EXEC } }),
  },
});
