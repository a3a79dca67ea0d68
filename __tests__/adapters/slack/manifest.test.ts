import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { z } from "zod";
import { SLACK_METHOD_SCOPES } from "../../../src/adapters/slack/scopes.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

describe("docs/slack-app-manifest.yml", () => {
  it("asks for exactly the bot scopes of the methods the adapter calls, and no socket mode", () => {
    const manifest = z
      .object({
        oauth_config: z.object({ scopes: z.object({ bot: z.array(z.string()) }).strict() }),
        settings: z.object({ socket_mode_enabled: z.literal(false) }).loose(),
      })
      .loose()
      .parse(parse(readFileSync(path.join(root, "docs", "slack-app-manifest.yml"), "utf8")));
    const used = new Set(Object.values(SLACK_METHOD_SCOPES).flat());
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...used].sort());
  });

  it("the adapter's source calls no method outside the registry", () => {
    const source = readFileSync(path.join(root, "src", "adapters", "slack", "client.ts"), "utf8");
    const called = [...source.matchAll(/call\(\s*"([a-z.A-Z]+)"/g)].map((m) => m[1]);
    expect(new Set(called)).toEqual(new Set(Object.keys(SLACK_METHOD_SCOPES)));
  });
});
