import { describe, expect, it } from "vitest";
import { shellSwitchBefore } from "../../src/lint/root-prompts.js";

describe("shellSwitchBefore", () => {
  it.each([
    ["$ sudo su", "sudo su"],
    ["$ sudo su - gitlab-psql", "sudo su - gitlab-psql"],
    ["$ su -", "su -"],
    ["$ sudo -i", "sudo -i"],
    ["$ sudo -H -u git bash", "sudo -H -u git bash"],
  ])("finds the shell `%s` opens before the `# ` lines", (prompt, opener) => {
    expect(shellSwitchBefore(`${prompt}\n# /root/x.sh list`, 2)).toBe(opener);
  });

  it.each(["$ sudo ls /root", "$ sudo -i journalctl -u app", "$ su -c 'id' root", "$ subash"])(
    "finds none after `%s`, which runs a command and returns",
    (prompt) => {
      expect(shellSwitchBefore(`${prompt}\n# /root/x.sh list`, 2)).toBeUndefined();
    },
  );

  it("looks only above the `# ` line", () => {
    expect(shellSwitchBefore("$ ls\n# x\n$ sudo su", 2)).toBeUndefined();
  });
});
