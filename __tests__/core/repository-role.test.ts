import { describe, expect, it } from "vitest";
import {
  MINIMUM_ROLES,
  REPOSITORY_ROLES,
  lowerRole,
  roleMeets,
} from "../../src/core/repository-role.js";

describe("repository roles", () => {
  it("meets a minimum only at or above it, for every pair", () => {
    const met = MINIMUM_ROLES.map((minimum) =>
      REPOSITORY_ROLES.filter((role) => roleMeets(role, minimum)),
    );
    expect(met).toEqual([["write", "maintain", "admin"], ["maintain", "admin"], ["admin"]]);
  });

  it("takes the lower of two roles whichever comes first", () => {
    expect(lowerRole("admin", "read")).toBe("read");
    expect(lowerRole("triage", "maintain")).toBe("triage");
    expect(lowerRole("none", "none")).toBe("none");
  });
});
