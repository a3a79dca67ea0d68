import { boundaryBefore, charClass, inClass, runEnd, skipBlanks, WORD } from "./chars.js";
import { isSecretName } from "./secret-names.js";

/**
 * What a matcher found at a trigger: a span to redact, or where its own next trigger is worth
 * trying again (every trigger of this matcher before `skipTo` would fail the same way); `open`
 * when that failure depends on text after the end (a token cut short by a line break that ends
 * the text: what follows may complete it), with where the token would start.
 */
export type MatchOutcome =
  | { readonly start: number; readonly end: number }
  | { readonly skipTo: number; readonly open?: number };

/**
 * A known secret shape. The scanner calls `match` where one of `triggers` starts (or, with
 * `atStart`, only at the start of the text). A matcher reads forward from there over simple
 * character runs and reports either the secret's span (context such as `Authorization: Bearer `
 * stays outside it) or how far its triggers can be skipped, so each character is read a bounded
 * number of times whatever the input: linear time, no backtracking.
 */
export interface SecretPattern {
  readonly id: string;
  readonly description: string;
  readonly triggers: readonly string[];
  readonly atStart?: boolean;
  readonly match: (text: string, at: number) => MatchOutcome;
}

const ALNUM = charClass("A-Za-z0-9");
const UPPER_ALNUM = charClass("A-Z0-9");
const TOKEN = charClass("A-Za-z0-9_-");
const SLACK = charClass("A-Za-z0-9-");
const WEBHOOK_PATH = charClass("A-Za-z0-9_/-");
const HEADER_VALUE = charClass("A-Za-z0-9._~+/=-");
const BEARER_VALUE = charClass("A-Za-z0-9._~+/-");
const NAME = charClass("A-Za-z0-9_.-");
const NOT_USERINFO = charClass(" \t\n\r\f\v/@?#");
const BARE_VALUE_END = charClass(" \t\n\r\f\v\"',;&");

const PRIVATE_KEY_HEADER = /-----BEGIN [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
const PRIVATE_KEY_FOOTER = /-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const PRIVATE_KEY_REST =
  /(?:[A-Za-z0-9+/=]+\r?\n)+-----END [A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/y;
const AUTHORIZATION =
  /[Aa]uthorization["']?[ \t]*[:=][ \t]*["']?(?:[Bb]earer|[Bb]asic|[Tt]oken)[ \t]+/y;
const WEBHOOK_KIND = /(?:services|workflows|triggers)\//y;

/** Longest name the assignment matcher looks back over; longer runs are not names. */
const MAX_NAME = 128;
/** Longest quoted value taken whole (spaces included); longer ones stop at the first space. */
const MAX_QUOTED_VALUE = 4096;

const span = (start: number, end: number): MatchOutcome => ({ start, end });
const skip = (skipTo: number): MatchOutcome => ({ skipTo });

/** `prefix` + a run of `cls` of at least `min` characters, from a trigger that is the prefix. */
function prefixedRun(
  prefixLength: number,
  cls: Uint8Array,
  min: number,
  options: { readonly boundary?: boolean } = {},
): (text: string, at: number) => MatchOutcome {
  return (text, at) => {
    if (options.boundary === true && !boundaryBefore(text, at)) return skip(at + 1);
    const end = runEnd(text, at + prefixLength, cls);
    if (end - at - prefixLength >= min) return span(at, end);
    // A token too short where a line ends goes on after one line break (a step wrapped it).
    const next = text[end] === "\r" && text[end + 1] === "\n" ? end + 2 : end + 1;
    if (end === text.length || (text[end] === "\r" && next === text.length)) {
      return { skipTo: end, open: at };
    }
    if (text[end] !== "\n" && next !== end + 2) return skip(end);
    const rest = runEnd(text, next, cls);
    if (end - at - prefixLength + rest - next >= min) return span(at, rest);
    return rest === text.length ? { skipTo: end, open: at } : skip(end);
  };
}

/** A sticky regex's match end at `at`, or -1. Each is bounded or ends at a class change. */
function stickyEnd(regex: RegExp, text: string, at: number): number {
  regex.lastIndex = at;
  return regex.test(text) ? regex.lastIndex : -1;
}

function privateKey(text: string, at: number): MatchOutcome {
  const headerEnd = stickyEnd(PRIVATE_KEY_HEADER, text, at);
  if (headerEnd === -1) return skip(at + 1);
  PRIVATE_KEY_FOOTER.lastIndex = headerEnd;
  // A block cut off before its END line (the output stopped, or a capture was cut) goes whole.
  return span(at, PRIVATE_KEY_FOOTER.test(text) ? PRIVATE_KEY_FOOTER.lastIndex : text.length);
}

function jwt(text: string, at: number): MatchOutcome {
  if (!boundaryBefore(text, at)) return skip(at + 1);
  const header = runEnd(text, at + 3, TOKEN);
  // A trigger inside this first run ends at the same place and fails the same way.
  if (header - at < 11 || text[header] !== "." || !text.startsWith("eyJ", header + 1)) {
    return skip(header);
  }
  const payload = runEnd(text, header + 4, TOKEN);
  if (payload - header < 12 || text[payload] !== ".") return skip(header);
  return span(at, runEnd(text, payload + 1, TOKEN));
}

function urlUserinfo(text: string, at: number): MatchOutcome {
  const from = at + 3;
  if (at === 0 || !inClass(ALNUM, text.charCodeAt(at - 1))) return skip(from);
  let end = from;
  while (end < text.length && !inClass(NOT_USERINFO, text.charCodeAt(end))) end++;
  if (text[end] !== "@" || end === from) return skip(end);
  const colon = text.indexOf(":", from);
  if (colon !== -1 && colon < end) return colon + 1 < end ? span(colon + 1, end) : skip(end);
  // No password: a user part that looks like a key is one (Sentry DSNs, some webhooks).
  return looksLikeKey(text.slice(from, end)) ? span(from, end) : skip(end);
}

function looksLikeKey(user: string): boolean {
  return (
    user.length >= 16 && /^[A-Za-z0-9_-]+$/.test(user) && /\d/.test(user) && /[A-Za-z]/.test(user)
  );
}

/**
 * `NAME=value`, `NAME: value`, `"name": "value"` and `--name value` / `--name=value` where the
 * name says the value is secret (`isSecretName`: `DB_PASSWORD`, `MYSQL_PWD`, `SMTP_PASS`,
 * `STRIPE_KEY`, `--secret-access-key`, `"token"` …). The trigger is a keyword inside the name.
 */
function secretAssignment(text: string, at: number): MatchOutcome {
  let start = at;
  while (start > 0 && at - start < MAX_NAME && inClass(NAME, text.charCodeAt(start - 1))) start--;
  const end = runEnd(text, at, NAME);
  if (at - start >= MAX_NAME || !isSecretName(text.slice(start, end))) return skip(end);
  const option = text[start] === "-";
  let value = end;
  if (text[value] === '"' || text[value] === "'") value++;
  value = skipBlanks(text, value);
  if (text[value] === "=" || text[value] === ":") {
    value = skipBlanks(text, value + 1);
  } else if (option && value > end) {
    if (text[value] === "-") return skip(end);
  } else {
    return skip(end);
  }
  return valueSpan(text, value) ?? skip(end);
}

function valueSpan(text: string, from: number): MatchOutcome | undefined {
  const quote = text[from];
  if (quote === '"' || quote === "'") {
    // The closing quote on the same line, looked for within a bounded distance only.
    const limit = Math.min(text.length, from + 1 + MAX_QUOTED_VALUE);
    let close = from + 1;
    while (close < limit && text[close] !== quote && text[close] !== "\n") close++;
    if (text[close] === quote && close > from + 1) return span(from + 1, close);
    return valueSpan(text, from + 1);
  }
  let end = from;
  while (end < text.length && !inClass(BARE_VALUE_END, text.charCodeAt(end))) end++;
  return end > from ? span(from, end) : undefined;
}

/** Upper, lower and capitalised spellings of keywords, as triggers. */
function spellings(...words: string[]): string[] {
  return words.flatMap((word) => [
    word.toUpperCase(),
    word,
    `${word.charAt(0).toUpperCase()}${word.slice(1)}`,
  ]);
}

export const SECRET_PATTERNS = [
  {
    id: "pem-private-key",
    description:
      "PEM or PGP private key block (RSA, EC, OpenSSH, PKCS#8, encrypted, PGP), also when cut off",
    triggers: ["-----BEGIN "],
    match: privateKey,
  },
  {
    id: "pem-private-key-tail",
    description:
      "the rest of a private key at the start of a text, up to its END line (a capture cut inside it)",
    triggers: [],
    atStart: true,
    match: (text, at) => {
      const end = stickyEnd(PRIVATE_KEY_REST, text, at);
      return end === -1 ? skip(text.length) : span(at, end);
    },
  },
  {
    id: "github-token",
    description: "GitHub tokens: ghp_, gho_, ghs_, ghu_, ghr_",
    triggers: ["ghp_", "gho_", "ghs_", "ghu_", "ghr_"],
    match: prefixedRun(4, ALNUM, 30),
  },
  {
    id: "github-fine-grained-pat",
    description: "GitHub fine-grained personal access token github_pat_…",
    triggers: ["github_pat_"],
    match: prefixedRun(11, WORD, 22),
  },
  {
    id: "aws-access-key-id",
    description: "AWS access key id AKIA… / ASIA…",
    triggers: ["AKIA", "ASIA"],
    match: (text, at) => {
      const end = runEnd(text, at + 4, UPPER_ALNUM);
      const whole = boundaryBefore(text, at) && !inClass(WORD, text.charCodeAt(end));
      return whole && end - at === 20 ? span(at, end) : skip(end);
    },
  },
  {
    id: "slack-token",
    description: "Slack tokens xoxa-, xoxb-, xoxp-, xoxr-, xoxs-, xapp-",
    triggers: ["xoxa-", "xoxb-", "xoxp-", "xoxr-", "xoxs-", "xapp-"],
    match: prefixedRun(5, SLACK, 10, { boundary: true }),
  },
  {
    id: "slack-webhook",
    description: "the secret path of a Slack webhook URL (the host stays)",
    triggers: ["https://hooks.slack.com/"],
    match: (text, at) => {
      const kindEnd = stickyEnd(WEBHOOK_KIND, text, at + 24);
      if (kindEnd === -1) return skip(at + 24);
      const end = runEnd(text, kindEnd, WEBHOOK_PATH);
      return end > kindEnd ? span(kindEnd, end) : skip(end);
    },
  },
  {
    id: "anthropic-key",
    description: "Anthropic API key sk-ant-…",
    triggers: ["sk-ant-"],
    match: prefixedRun(7, TOKEN, 20, { boundary: true }),
  },
  {
    id: "openai-style-key",
    description: "OpenAI-style key sk-… (sk-proj-, sk-svcacct-, 32+ characters)",
    triggers: ["sk-"],
    match: prefixedRun(3, TOKEN, 32, { boundary: true }),
  },
  {
    id: "jwt",
    description: "JSON Web Token eyJ….eyJ….…",
    triggers: ["eyJ"],
    match: jwt,
  },
  {
    id: "authorization-header",
    description: "credentials after Authorization: Bearer / Basic / token",
    triggers: ["Authorization", "authorization"],
    match: (text, at) => {
      const from = stickyEnd(AUTHORIZATION, text, at);
      if (from === -1) return skip(at + 1);
      const end = runEnd(text, from, HEADER_VALUE);
      return end > from ? span(from, end) : skip(end);
    },
  },
  {
    id: "bearer-token",
    description: "a long token after the word Bearer anywhere",
    triggers: ["Bearer", "bearer"],
    match: (text, at) => {
      const from = skipBlanks(text, at + 6);
      if (!boundaryBefore(text, at) || from === at + 6) return skip(at + 1);
      let end = runEnd(text, from, BEARER_VALUE);
      if (end - from < 20) return skip(end);
      while (text[end] === "=") end++;
      return span(from, end);
    },
  },
  {
    id: "url-userinfo",
    description:
      "the password in scheme://user:password@host, or a key-like user part (a Sentry DSN's key)",
    triggers: ["://"],
    match: urlUserinfo,
  },
  {
    id: "secret-assignment",
    description:
      'the value of a secret-named key or option: DB_PASSWORD=…, MYSQL_PWD=…, "token": "…", aws_secret_access_key = …, --secret-access-key …',
    triggers: spellings("pass", "pwd", "secret", "token", "key", "credential", "dsn", "auth"),
    match: secretAssignment,
  },
] as const satisfies readonly SecretPattern[];

export type SecretPatternId = (typeof SECRET_PATTERNS)[number]["id"];
