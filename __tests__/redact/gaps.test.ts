import { describe, expect, it } from "vitest";
import { createRedactor } from "../../src/redact/redactor.js";
import { isSecretEnvName } from "../../src/redact/secret-env.js";

// Issue 11, item 10: secrets that reached the terminal and the audit log. Each case printed its
// secret in clear before this redactor.

const SECRET = "dpl-7Hq2vX9kLm4Rz8Tn0pQ";
const redact = createRedactor({ env: { DEPLOY_TOKEN: SECRET } });
const b64 = (text: string | Buffer): string => Buffer.from(text).toString("base64");

/** No 8 characters in a row of `secret` (or of its form) survive in `text`. */
function expectNoFragment(text: string, secret: string): void {
  for (let at = 0; at + 8 <= secret.length; at++)
    expect(text).not.toContain(secret.slice(at, at + 8));
}

describe("encoded forms of a known secret value", () => {
  it("redacts its base64 at each of the three alignments inside a longer stream", () => {
    for (const prefix of ["", "x", "xy", "xyz", "PATH=/usr/bin\0HOME=/root\0DEPLOY_TOKEN="]) {
      const encoded = b64(`${prefix}${SECRET}\0NEXT=value`);
      const out = redact(`data: ${encoded}\n`);
      expect(out).not.toBe(`data: ${encoded}\n`);
      // Decoding what is left must not give the secret back.
      expect(Buffer.from(out.replace("data: ", ""), "base64").toString("latin1")).not.toContain(
        SECRET.slice(4, 16),
      );
    }
  });

  it("redacts base64 wrapped over lines, as `base64` prints it", () => {
    const wrapped = b64(`${"padding ".repeat(9)}${SECRET}${" tail".repeat(9)}`)
      .match(/.{1,76}/g)
      ?.join("\n");
    const out = redact(`${wrapped}\n`);
    expect(Buffer.from(out.replaceAll("***", ""), "base64").toString("latin1")).not.toContain(
      SECRET.slice(3, 15),
    );
  });

  it("redacts its URL-encoded, JSON-escaped and hex forms", () => {
    const value = 'p@ss/w"rd+with spaces&=';
    const special = createRedactor({ env: { DB_PASSWORD: value } });
    const forms = [
      encodeURIComponent(value),
      JSON.stringify(value).slice(1, -1),
      Buffer.from(value).toString("hex"),
      Buffer.from(value).toString("hex").toUpperCase(),
    ];
    for (const form of forms) {
      expect(special(`got ${form} back`)).toBe("got *** back");
    }
  });
});

describe("secret names and shapes that were missed", () => {
  it("treats MYSQL_PWD, *_PASS, every *_KEY and *_DSN as secret names", () => {
    for (const name of ["MYSQL_PWD", "SMTP_PASS", "STRIPE_KEY", "SSH_KEY", "SENTRY_DSN"]) {
      expect(isSecretEnvName(name)).toBe(true);
    }
    for (const name of ["PWD", "OLDPWD", "KEYBOARD_LAYOUT", "BYPASS", "PASSED_TESTS"]) {
      expect(isSecretEnvName(name)).toBe(false);
    }
    const env = createRedactor({
      env: {
        MYSQL_PWD: "hunter2hunter2",
        SMTP_PASS: "mail-pass-123",
        STRIPE_KEY: "rk_live_abc123",
      },
    });
    expect(env("hunter2hunter2 mail-pass-123 rk_live_abc123")).toBe("*** *** ***");
  });

  it("redacts values assigned to those names in output", () => {
    expect(redact("MYSQL_PWD=hunter2 SMTP_PASS: mailpw STRIPE_KEY='rk_live_x'")).toBe(
      "MYSQL_PWD=*** SMTP_PASS: *** STRIPE_KEY='***'",
    );
    expect(redact('{"client_secret": "has spaces in it", "tls.key": "abc"}')).toBe(
      '{"client_secret": "***", "tls.key": "***"}',
    );
  });

  it("redacts the key in the user part of a Sentry-style DSN, and keeps ordinary URLs", () => {
    expect(
      redact("SENTRY_DSN=https://0123456789abcdef0123456789abcdef@o42.ingest.sentry.io/7"),
    ).toBe("SENTRY_DSN=***");
    expect(redact("dsn https://0123456789abcdef0123456789abcdef@o42.ingest.sentry.io/7")).toBe(
      "dsn https://***@o42.ingest.sentry.io/7",
    );
    const plain = "clone ssh://git@github.com/org/repo and https://admin@intranet/";
    expect(redact(plain)).toBe(plain);
  });

  it("redacts a PGP private key block", () => {
    const block = [
      "-----BEGIN PGP PRIVATE KEY BLOCK-----",
      "",
      "lQOYBF5Kx3wBCAC7kVz0ZJ8yHx1eZwGz5ttV2Xn0xQ9ZJ8yHx1eZw",
      "=Ab12",
      "-----END PGP PRIVATE KEY BLOCK-----",
    ].join("\n");
    expect(redact(`key:\n${block}\ndone`)).toBe("key:\n***\ndone");
  });

  it("redacts the value after --secret-access-key and the --*secret*, --*password*, --*token* class", () => {
    const line = [
      "aws configure set --secret-access-key wJalrXUtnFEMI/K7MDENG/bPxRfiCY",
      "--db-password hunter2 --api-token=tok_123 --client-secret 's3 cr3t'",
      "--password -h db",
    ].join(" ");
    expect(redact(line)).toBe(
      "aws configure set --secret-access-key *** --db-password *** --api-token=*** --client-secret '***' --password -h db",
    );
  });

  it("redacts tokens split by terminal escape codes, without leaving the codes' halves", () => {
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    const coloured = `token: \u001b[1m${token.slice(0, 10)}\u001b[0m\u001b[31m${token.slice(10)}\u001b[0m ok`;
    const out = redact(coloured);
    expectNoFragment(out, token);
    expect(out.endsWith(" ok")).toBe(true);
    const literal = redact(`x ${SECRET.slice(0, 6)}\u001b]0;title\u0007${SECRET.slice(6)} y`);
    expect(literal).toBe("x *** y");
  });

  it("redacts a secret inside a terminal escape sequence (a window title), in place", () => {
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    expect(redact(`a\u001b]0;${token}\u0007b`)).toBe("a\u001b]0;***\u0007b");
    expect(redact(`a\u001b]2;deploy ${SECRET} now\u001b\\b`)).toBe(
      "a\u001b]2;deploy *** now\u001b\\b",
    );
    // Unterminated, at the end of the output.
    expect(redact(`a\u001b]0;${SECRET}`)).toBe("a\u001b]0;***");
  });

  it("redacts a token shape that a step wrapped over two lines", () => {
    const token = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    expect(redact(`token ${token.slice(0, 20)}\n${token.slice(20)}\nnext line`)).toBe(
      "token ***\nnext line",
    );
    expect(redact(`key xoxb-12345\r\n67890-abc\n`)).toBe("key ***\n");
    // A whole token at a line's end leaves the next line alone.
    expect(redact(`${token}\nnext`)).toBe("***\nnext");
  });

  it("redacts a known secret split across lines", () => {
    expect(redact(`${SECRET.slice(0, 9)}\n${SECRET.slice(9)}\n`)).toBe("***\n");
    expect(redact(`${SECRET.slice(0, 9)}\r\n${SECRET.slice(9, 15)}\n${SECRET.slice(15)}`)).toBe(
      "***",
    );
  });
});

describe("base64 of secrets the redactor does not know", () => {
  it("redacts what `kubectl get secret -o yaml` prints", () => {
    const pem =
      "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END RSA PRIVATE KEY-----\n";
    const jwt =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6IiJ9.eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0.c2lnbmF0dXJl";
    const docker = JSON.stringify({
      auths: { "reg.example.com": { username: "u", password: "pw-12345" } },
    });
    const yaml = [
      "apiVersion: v1",
      "data:",
      `  tls.crt: ${b64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}`,
      `  private: ${b64(pem)}`,
      `  sa: ${b64(jwt)}`,
      `  .dockerconfigjson: ${b64(docker)}`,
      "kind: Secret",
    ].join("\n");
    const out = redact(yaml);
    expect(out).toContain(
      `tls.crt: ${b64("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")}`,
    );
    expect(out).toContain("  private: ***\n  sa: ***\n  .dockerconfigjson: ***\n");
  });

  it("redacts base64 of the parent's environment, known values and secret names alike", () => {
    const environ = `PATH=/usr/bin\0ANTHROPIC_API_KEY=sk-ant-api03-${"a".repeat(40)}\0STRIPE_KEY=rk_live_${"b".repeat(20)}\0`;
    const withKey = createRedactor({
      env: { ANTHROPIC_API_KEY: `sk-ant-api03-${"a".repeat(40)}` },
    });
    const encoded = b64(environ);
    expect(withKey(encoded)).toBe("***");
    expect(redact(encoded)).toBe("***");
  });

  it("leaves base64 of ordinary text and binary data alone", () => {
    const text = `${b64("hello world, this is a perfectly ordinary sentence")} ${b64(Buffer.from(Array.from({ length: 64 }, (_, i) => (i * 37) % 256)))}`;
    expect(redact(text)).toBe(text);
  });
});
