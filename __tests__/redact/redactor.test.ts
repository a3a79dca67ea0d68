import { describe, expect, it } from "vitest";
import { SECRET_PATTERNS } from "../../src/redact/patterns.js";
import { createRedactor, REDACTED } from "../../src/redact/redactor.js";

const redact = createRedactor({ env: {} });

// Real-shaped samples per pattern id: [text, the secret part that must disappear, expected].
type Sample = readonly [string, string, string];
const SHAPES: Record<(typeof SECRET_PATTERNS)[number]["id"], Sample | readonly Sample[]> = {
  "pem-private-key": [
    "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END RSA PRIVATE KEY-----\ndone",
    "MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo",
    "key:\n***\ndone",
  ],
  "pem-private-key-tail": [
    "Gz5ttV2Xn0xQ9ZJ8yHx1eZw==\nkLm4Rz8Tn+/q\n-----END OPENSSH PRIVATE KEY-----\n$ next",
    "kLm4Rz8Tn",
    "***\n$ next",
  ],
  "github-token": [
    "token=ghp_16C7e42F292c6912E7710c838347Ae178B4a end",
    "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
    "token=*** end",
  ],
  "github-fine-grained-pat": [
    "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGH",
    "github_pat_11ABCDEFG0123456789",
    "***",
  ],
  "aws-access-key-id": [
    "id AKIAIOSFODNN7EXAMPLE, session ASIAY34FZKBOKMUTVV7A",
    "AKIAIOSFODNN7EXAMPLE",
    "id ***, session ***",
  ],
  "slack-token": [
    "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx and xapp-1-A0123-456-abc",
    "xoxb-1234567890",
    "*** and ***",
  ],
  "slack-webhook": [
    "POST https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX ok",
    "T00000000/B00000000",
    "POST https://hooks.slack.com/services/*** ok",
  ],
  "anthropic-key": [
    "ANTHROPIC=sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789-_ABCDEFGH",
    "sk-ant-api03-abcdefghijklmnop",
    "ANTHROPIC=***",
  ],
  "openai-style-key": [
    "key sk-proj-Ab12Cd34Ef56Gh78Ij90Kl12Mn34Op56Qr78St90",
    "sk-proj-Ab12Cd34",
    "key ***",
  ],
  jwt: [
    "cookie eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c;",
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    "cookie ***;",
  ],
  "authorization-header": [
    "> Authorization: Bearer abc.DEF-123_x\n> authorization: Basic dXNlcjpwYXNz",
    "dXNlcjpwYXNz",
    "> Authorization: Bearer ***\n> authorization: Basic ***",
  ],
  "bearer-token": [
    "sent Bearer 0123456789abcdefABCDEF0123== twice",
    "0123456789abcdefABCDEF0123",
    "sent Bearer *** twice",
  ],
  "url-userinfo": [
    "git clone https://deploy:hunter22@git.example.com/repo.git; psql postgres://app:p4ss@db:5432/app",
    "hunter22",
    "git clone https://deploy:***@git.example.com/repo.git; psql postgres://app:***@db:5432/app",
  ],
  "secret-assignment": [
    [
      'PGPASSWORD=s3cret psql; {"password": "tr0ub4dor"}; passwd: x9',
      "tr0ub4dor",
      'PGPASSWORD=*** psql; {"password": "***"}; passwd: ***',
    ],
    [
      'aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzzzzzzzzz"',
      "wJalrXUtnFEMI/K7MDENG",
      'aws_secret_access_key = ***\n"SecretAccessKey": "***"',
    ],
  ],
};

describe("createRedactor: token shapes", () => {
  for (const pattern of SECRET_PATTERNS) {
    it(`redacts ${pattern.id}`, () => {
      const entry = SHAPES[pattern.id];
      const samples =
        typeof entry[0] === "string" ? [entry as Sample] : (entry as readonly Sample[]);
      for (const [text, secret, expected] of samples) {
        const result = redact(text);
        expect(result).not.toContain(secret);
        expect(result).toBe(expected);
      }
    });
  }

  it("redacts a private key split across two chunks, BEGIN in one and END in the next", () => {
    const key =
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1L\nfVLPHCozMxH2Mo\n-----END RSA PRIVATE KEY-----\n";
    const cut = key.indexOf("fVLP");
    expect(redact(key.slice(0, cut)) + redact(key.slice(cut))).toBe("******\n");
  });

  it("leaves an END line that follows ordinary text alone", () => {
    const text = "see the docs about keys\n-----END RSA PRIVATE KEY-----";
    expect(redact(text)).toBe(text);
  });

  it("redacts a private key block that was cut off before its END line", () => {
    expect(redact("-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA")).toBe(REDACTED);
  });
});

describe("createRedactor: environment values", () => {
  const env = {
    DEPLOY_TOKEN: "dpl-7Hq2vX9kLm4Rz8Tn",
    DB_PASSWORD: "correct horse battery",
    "INPUT_SLACK-BOT-TOKEN": "slack-input-value",
    SHORT_SECRET: "abc12",
    HOME: "/home/alice",
    EDITOR: "vim-nox-editor",
  };
  const envRedact = createRedactor({ env, extraSecrets: ["from-a-file-123", "tiny"] });

  it("replaces the exact values of secret-looking variables, wherever they appear", () => {
    expect(envRedact("a dpl-7Hq2vX9kLm4Rz8Tn b correct horse battery c slack-input-value")).toBe(
      "a *** b *** c ***",
    );
    expect(envRedact("x=from-a-file-123")).toBe("x=***");
  });

  it("leaves values of innocuous variables and values shorter than 6 characters alone", () => {
    expect(envRedact("/home/alice vim-nox-editor abc12 tiny")).toBe(
      "/home/alice vim-nox-editor abc12 tiny",
    );
  });

  it("matches longest values first so a value containing another is replaced whole", () => {
    const nested = createRedactor({ env: { A_TOKEN: "abcdef", B_TOKEN: "abcdefghij" } });
    expect(nested("abcdefghij abcdef")).toBe("*** ***");
  });

  it("treats values literally, not as patterns", () => {
    const literal = createRedactor({ env: { API_KEY: "a.b*c+d?(e)" } });
    expect(literal("a.b*c+d?(e) aXbbbc+d")).toBe("*** aXbbbc+d");
  });
});

describe("createRedactor: innocuous text", () => {
  const innocuous = [
    "sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
    "request 123e4567-e89b-12d3-a456-426614174000 done",
    "data: SGVsbG8sIHdvcmxkISBUaGlzIGlzIHB1YmxpYyBkYXRhLg==",
    "https://example.com/path?q=1 and http://localhost:8080/health",
    "task-runner-with-a-very-long-kebab-case-name-here",
    "disk-cleanup-2026 is-ok",
    "password reset page is at /reset",
    "use a Bearer token in the header",
    "ssh user@host:/srv and scp file user@10.0.0.1:/tmp",
  ];
  for (const text of innocuous) {
    it(`leaves ${JSON.stringify(text.slice(0, 40))} alone`, () => {
      expect(redact(text)).toBe(text);
    });
  }
});

describe("createRedactor: scale", () => {
  it("redacts secrets spread through megabytes of output in one pass", () => {
    const line = "2026-11-24 INFO worker=7 processed batch /var/lib/app/data ok\n";
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const text = `${line.repeat(40_000)}${token}\n${line.repeat(40_000)}`;
    const started = performance.now();
    const result = redact(text);
    const elapsed = performance.now() - started;
    expect(result).not.toContain(token);
    expect(result.length).toBe(text.length - token.length + REDACTED.length);
    // Generous bound: a quadratic pattern would take seconds here.
    expect(elapsed).toBeLessThan(2000);
  });
});
