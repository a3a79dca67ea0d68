import { describe, expect, it } from "vitest";
import { SECRET_PATTERNS } from "../../src/redact/patterns.js";
import { createRedactor } from "../../src/redact/redactor.js";

// Every pattern's worst case: 2 MB of text made of its own trigger, so a matcher that re-read
// the rest of a run at every trigger (quadratic: minutes; the old redactor did not finish the
// JWT case in 120 s) shows. Measured in CPU time, so a loaded machine does not fail the test;
// the bound is generous and still far below what the quadratic time would be.
const SIZE = 2_000_000;
const BOUND_MS = 2000;

/** CPU milliseconds (user + system) that `work` took. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

const redact = createRedactor({
  env: { DEPLOY_TOKEN: "dpl-7Hq2vX9kLm4Rz8Tn0pQ", DB_PASSWORD: "aaaaaaaaaaaaaaaaaab" },
});

/** `unit` repeated to about SIZE characters. */
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length));

// At least one adversarial input per pattern id (checked below), plus the scanner's own parts.
const WORST: Record<(typeof SECRET_PATTERNS)[number]["id"], readonly string[]> = {
  "pem-private-key": [fill("-----BEGIN "), fill("-----BEGIN RSA PRIVATE KEY-----\n")],
  "pem-private-key-tail": [`${fill("QUFB\n")}-----END`, fill("A")],
  "github-token": [fill("ghp_"), fill("ghp_a")],
  "github-fine-grained-pat": [fill("github_pat_"), `github_pat_${fill("_")}`],
  "aws-access-key-id": [fill("AKIA"), fill("AKIAAKIAAKIAAKIAAKIA_")],
  "slack-token": [fill("xoxb-"), fill("-xoxb-1")],
  "slack-webhook": [fill("https://hooks.slack.com/"), fill("https://hooks.slack.com/services/")],
  "anthropic-key": [fill("sk-ant-"), fill(" sk-ant-x")],
  "openai-style-key": [fill("sk-"), fill(" sk-a")],
  jwt: [fill("eyJ-"), fill("eyJ"), `${fill("eyJaaaaaaaaaaaaa.")}x`, fill(".eyJaaaaaaaaa")],
  "authorization-header": [fill("Authorization: "), fill("authorization:\t\t")],
  "bearer-token": [fill("Bearer "), fill("bearer aaaaaaaaaaaaa")],
  "url-userinfo": [fill("a://"), fill("a://a:"), fill("http://user"), fill("a://b@")],
  "secret-assignment": [
    fill("password"),
    fill("token_"),
    fill("--password "),
    fill("key:"),
    `${fill("a")}_TOKEN=x`,
    fill('password="'),
    fill("passwd='x"),
  ],
};

const SCANNER_WORST: readonly (readonly [string, string])[] = [
  ["terminal escape sequences", fill("\u001b[")],
  ["unterminated OSC sequences", fill("\u001b]0;")],
  ["a literal's prefix over and over", fill("aaaaaaaaaaaaaaaaaa")],
  ["a known value's prefix over and over", fill("dpl-7Hq2vX9kLm4Rz8Tn0p")],
  ["one long base64 run", fill("SGVsbG8gd29ybGQh")],
  ["base64 wrapped at 76 columns", fill(`${"S".repeat(76)}\n`)],
  [
    "base64 runs that decode to text",
    fill(`${Buffer.from("password=".repeat(4)).toString("base64")} `),
  ],
  ["line breaks", fill("\r\n")],
];

function expectLinear(text: string): void {
  expect(cpuMs(() => redact(text))).toBeLessThan(BOUND_MS);
}

describe("every redaction pattern runs in linear time on its worst case", () => {
  for (const pattern of SECRET_PATTERNS) {
    it(`${pattern.id}`, () => {
      const inputs = WORST[pattern.id];
      expect(inputs.length).toBeGreaterThan(0);
      for (const input of inputs) expectLinear(input);
    });
  }
  for (const [what, input] of SCANNER_WORST) it(what, () => expectLinear(input));

  it("redacts 2 MB of JWT-like output in under a second", () => {
    let out = "";
    expect(cpuMs(() => (out = redact(fill("eyJ-"))))).toBeLessThan(1000);
    expect(out.length).toBeGreaterThanOrEqual(SIZE);
  });
});
