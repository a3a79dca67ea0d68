import { type Syntax } from "../grammar/syntax.js";
/** openssl from the word after its name. */
export declare const OPENSSL: Syntax;
/** The gpg command options {@link GPG} lists, by their first name: a read needs one of them. */
export declare const GPG_READ_COMMANDS: ReadonlySet<string>;
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
export declare const GPG: Syntax;
