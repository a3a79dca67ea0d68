import { describe, expect, it } from "vitest";
import {
  AUDIT_KEY_ENV,
  auditKeyFrom,
  isSecretEnvName,
  secretEnvValues,
  TOOL_SECRET_ENV_NAMES,
} from "../../src/redact/secret-env.js";

describe("isSecretEnvName", () => {
  const secret = [
    "GITHUB_TOKEN",
    "ANTHROPIC_API_KEY",
    "SLACK_BOT_TOKEN",
    "SLACK_SIGNING_SECRET",
    "RUNBOOK_EXEC_AUDIT_KEY",
    "AWS_SECRET_ACCESS_KEY",
    "AWS_ACCESS_KEY_ID",
    "DB_PASSWORD",
    "MYSQL_PASSWD",
    "STRIPE_API_KEY",
    "SENDGRID_APIKEY",
    "SSH_PRIVATE_KEY",
    "GOOGLE_APPLICATION_CREDENTIALS",
    "gpg_passphrase",
    "INPUT_GITHUB-TOKEN",
    "INPUT_ANTHROPIC-API-KEY",
  ];
  const innocuous = [
    "PATH",
    "HOME",
    "USER",
    "GITHUB_REPOSITORY",
    "GITHUB_ACTOR",
    "NODE_ENV",
    "TERM",
    "KEYBOARD_LAYOUT",
  ];

  for (const name of secret)
    it(`${name} is secret`, () => expect(isSecretEnvName(name)).toBe(true));
  for (const name of innocuous)
    it(`${name} is not`, () => expect(isSecretEnvName(name)).toBe(false));

  it("covers every one of the tool's own secret variables, the audit key included", () => {
    expect(TOOL_SECRET_ENV_NAMES).toContain(AUDIT_KEY_ENV);
    expect(TOOL_SECRET_ENV_NAMES).toEqual(
      expect.arrayContaining(["ANTHROPIC_API_KEY", "GITHUB_TOKEN", "SLACK_BOT_TOKEN"]),
    );
    for (const name of TOOL_SECRET_ENV_NAMES) expect(isSecretEnvName(name)).toBe(true);
  });
});

describe("secretEnvValues", () => {
  it("returns the long enough values of secret variables, longest first, without duplicates", () => {
    const values = secretEnvValues({
      A_TOKEN: "abcdef",
      B_SECRET: "abcdefghij",
      C_PASSWORD: "abcdef",
      D_TOKEN: "short",
      E_TOKEN: undefined,
      HOME: "/home/somebody",
    });
    expect(values).toEqual(["abcdefghij", "abcdef"]);
  });
});

describe("auditKeyFrom", () => {
  it("reads RUNBOOK_EXEC_AUDIT_KEY or a named variable; unset and empty mean no key", () => {
    expect(auditKeyFrom({ RUNBOOK_EXEC_AUDIT_KEY: "k1" })).toBe("k1");
    expect(auditKeyFrom({ RUNBOOK_EXEC_AUDIT_KEY: "" })).toBeUndefined();
    expect(auditKeyFrom({})).toBeUndefined();
    expect(auditKeyFrom({ OTHER: "k2" }, "OTHER")).toBe("k2");
  });
});
