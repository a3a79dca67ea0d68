/**
 * Known secret shapes. Each `source` matches only the secret itself: context that must stay
 * readable (`Authorization: Bearer `, `user:` in a URL, the Slack webhook host) sits in a
 * lookbehind, so every match is replaced by `***` whatever pattern found it. Sources carry no
 * capturing groups and are combined into one alternation by the redactor.
 */
export interface SecretPattern {
  readonly id: string;
  readonly description: string;
  readonly source: string;
}

export const SECRET_PATTERNS = [
  {
    id: "pem-private-key",
    description: "PEM private key block (RSA, EC, OpenSSH, PKCS#8, encrypted), also when cut off",
    source:
      "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:[\\s\\S]*?-----END [A-Z0-9 ]*PRIVATE KEY-----|[\\s\\S]*$)",
  },
  {
    id: "pem-private-key-tail",
    description:
      "the rest of a PEM private key at the start of a text, up to its END line (output redacted chunk by chunk)",
    source: "^(?:[A-Za-z0-9+/=]+\\r?\\n)+-----END [A-Z0-9 ]*PRIVATE KEY-----",
  },
  {
    id: "github-token",
    description: "GitHub tokens: ghp_, gho_, ghs_, ghu_, ghr_",
    source: "gh[oprsu]_[A-Za-z0-9]{30,251}",
  },
  {
    id: "github-fine-grained-pat",
    description: "GitHub fine-grained personal access token github_pat_…",
    source: "github_pat_[A-Za-z0-9_]{22,251}",
  },
  {
    id: "aws-access-key-id",
    description: "AWS access key id AKIA… / ASIA…",
    source: "\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b",
  },
  {
    id: "aws-secret-access-key",
    description:
      "the value after aws_secret_access_key / aws_session_token (= or :, quoted or not)",
    source:
      "(?<=\\b(?:aws_secret_access_key|AWS_SECRET_ACCESS_KEY|SecretAccessKey|aws_session_token|AWS_SESSION_TOKEN|SessionToken)[\"']?\\s*[=:]\\s*[\"']?)[A-Za-z0-9/+=]{16,}",
  },
  {
    id: "slack-token",
    description: "Slack tokens xoxa-, xoxb-, xoxp-, xoxr-, xoxs-, xapp-",
    source: "\\b(?:xox[abprs]|xapp)-[A-Za-z0-9-]{10,}",
  },
  {
    id: "slack-webhook",
    description: "the secret path of a Slack webhook URL (the host stays)",
    source: "(?<=\\bhttps://hooks\\.slack\\.com/(?:services|workflows|triggers)/)[A-Za-z0-9_/-]+",
  },
  {
    id: "anthropic-key",
    description: "Anthropic API key sk-ant-…",
    source: "\\bsk-ant-[A-Za-z0-9_-]{20,}",
  },
  {
    id: "openai-style-key",
    description: "OpenAI-style key sk-… (sk-proj-, sk-svcacct-, 32+ characters)",
    source: "\\bsk-[A-Za-z0-9_-]{32,}",
  },
  {
    id: "jwt",
    description: "JSON Web Token eyJ….eyJ….…",
    source: "\\beyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*",
  },
  {
    id: "authorization-header",
    description: "credentials after Authorization: Bearer / Basic / token",
    source:
      "(?<=\\b[Aa]uthorization[\"']?\\s*[:=]\\s*[\"']?(?:[Bb]earer|[Bb]asic|[Tt]oken)\\s+)[A-Za-z0-9._~+/=-]+",
  },
  {
    id: "bearer-token",
    description: "a long token after the word Bearer anywhere",
    source: "(?<=\\b[Bb]earer\\s+)[A-Za-z0-9._~+/-]{20,}=*",
  },
  {
    id: "url-password",
    description: "the password in scheme://user:password@host",
    source: "(?<=\\b[A-Za-z][A-Za-z0-9+.-]*://[^\\s/:@]*:)[^\\s/@]+(?=@)",
  },
  {
    id: "password-assignment",
    description: 'the value in password=…, DB_PASSWORD=…, passwd: …, "password": "…"',
    source:
      "(?<=(?:password|passwd|PASSWORD|PASSWD|Password)[\"']?\\s*[=:]\\s*[\"']?)[^\\s\"',;&]+",
  },
] as const satisfies readonly SecretPattern[];

export type SecretPatternId = (typeof SECRET_PATTERNS)[number]["id"];
