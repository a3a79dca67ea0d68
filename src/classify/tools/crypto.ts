import { hasAny, hasShort, optionValue } from "../args.js";
import { code, modifying, readOnly, type ToolFamily } from "../hit.js";
import { isSink } from "../paths.js";
import { GPG, GPG_READ_COMMANDS, OPENSSL } from "./crypto-syntax.js";
import { parseArgs } from "../grammar/parse.js";
import { stdinIsFed } from "../stdin.js";

const OPENSSL_WRITERS =
  /^(genrsa|genpkey|gendsa|gendh|dhparam|ecparam|req|ca|pkcs12|rand|enc|rsa|ec|pkey|x509|cms|smime|ts|srp)$/;

/** `openssl x509 -noout`, `s_client`, `verify` read; anything with `-out` or a key generator writes. */
const openssl: ToolFamily = {
  names: ["openssl"],
  syntax: { openssl: OPENSSL },
  rule: ({ args, command, stdinText }) => {
    const verb = args[0] ?? "version";
    // `printf 'DELETE /x HTTP/1.1…' | openssl s_client …` sends its input to the server.
    if ((verb === "s_client" || verb === "ocsp") && stdinIsFed({ stdinText, command }))
      return modifying(
        "crypto.sends-input",
        `${code("openssl", verb)} sends its input to the server, which the rules cannot read`,
      );
    const out =
      optionValue(args, "", ["out", "keyout"]) ??
      args.find((a, i) => (args[i - 1] === "-out" || args[i - 1] === "-keyout") && a !== "");
    const writes =
      (out !== undefined && !isSink(out)) ||
      /^(genrsa|genpkey|gendsa|gendh|dhparam)$/.test(verb) ||
      (verb === "req" && hasAny(args, ["-new", "-newkey"]) && !hasAny(args, ["-noout"]));
    if (writes && OPENSSL_WRITERS.test(verb))
      return modifying("crypto.write", `${code("openssl", verb)} writes keys or certificates`);
    return readOnly("crypto.read", `${code("openssl", verb)} only inspects or prints`);
  },
};

/**
 * `gpg --list-keys`, `--verify`, `--export`, `-d` to stdout read; key changes and `-o` files
 * write. Without one of its read commands gpg guesses what to do with its input and may
 * decrypt or import it, so that is no read either.
 */
const gpg: ToolFamily = {
  names: ["gpg", "gpg2"],
  syntax: { gpg: GPG, gpg2: GPG },
  rule: ({ name, args }) => {
    if (
      args.some((a) =>
        /^--(delete|gen|generate|import|edit|sign-key|lsign-key|quick-|full-gen|recv|refresh|send|keyserver-options|update-trustdb|import-ownertrust)/.test(
          a,
        ),
      ) ||
      hasShort(args, "o") ||
      args.includes("--output")
    )
      return modifying("crypto.write", `${code(name)} changes the keyring or writes a file`);
    const parsed = parseArgs(args, GPG);
    if (
      !parsed.options.some((o) =>
        GPG_READ_COMMANDS.has(o.def.names.find((n) => n.length > 1) ?? ""),
      )
    )
      return modifying(
        "crypto.guess",
        `${code(name)} without a listing, verifying or printing command guesses what to do with its input (it may decrypt or import it)`,
      );
    return readOnly("crypto.read", `${code(name)} only lists, verifies or prints`);
  },
};

/** openssl and gpg rules. */
export const cryptoFamilies: readonly ToolFamily[] = [openssl, gpg];
