import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { bundledPackages, licenseNotice } from "../../scripts/licenses.js";
import { bundlePath, type BundleEntry } from "../helpers/bundles.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A package folder under `dir` with a manifest and the given files. */
function pkg(dir: string, manifest: object, files: Record<string, string> = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** `name version` headings of a notice, in order. */
function headings(notice: string): string[] {
  return [...notice.matchAll(/^(\S+) (\S+)\nLicense: /gm)].map((m) => `${m[1]} ${m[2]}`);
}

describe("bundledPackages", () => {
  const nm = "/repo/node_modules";
  const loaders = `${nm}/@vercel/ncc/dist/ncc/loaders/relocate-loader.js??ruleSet[1]!${nm}/@vercel/ncc/dist/ncc/loaders/shebang-loader.js`;

  it("finds plain, scoped and nested packages in loader chains and concatenated modules", () => {
    const stats = {
      modules: [
        { identifier: `${loaders}!/repo/src/main.ts|62614a23`, name: "./src/main.ts + 3 modules" },
        {
          identifier: `${loaders}!/repo/src/app.ts|aa`,
          modules: [
            { identifier: `${loaders}!/repo/src/app.ts` },
            { identifier: `javascript/esm|${loaders}!${nm}/commander/esm.mjs` },
            { identifier: `${loaders}!${nm}/@slack/web-api/dist/index.js` },
            { identifier: `${loaders}!${nm}/axios/node_modules/form-data/lib/form.js|h` },
          ],
        },
        { identifier: `${nm}/@slack/web-api/dist/methods.js` },
        { identifier: "C:\\repo\\node_modules\\zod\\index.js" },
        { identifier: 'external "node:fs"' },
        { identifier: "webpack/runtime/define property getters" },
      ],
      children: [{ modules: [{ identifier: `${loaders}!${nm}/yaml/dist/index.js` }] }],
    };
    expect(bundledPackages(stats)).toEqual([
      "/repo/node_modules/@slack/web-api",
      "/repo/node_modules/axios/node_modules/form-data",
      "/repo/node_modules/commander",
      "/repo/node_modules/yaml",
      "C:/repo/node_modules/zod",
    ]);
  });

  it("counts no package for the loaders themselves or the project's own files", () => {
    const stats = { modules: [{ identifier: `${loaders}!/repo/src/only.ts` }] };
    expect(bundledPackages(stats)).toEqual([]);
  });
});

describe("licenseNotice", () => {
  it("gives each package its name, version, licence id and every licence file's text", () => {
    const nm = path.join(mkdtempSync(path.join(tmpdir(), "rbx-lic-")), "node_modules");
    const folders = [
      pkg(
        path.join(nm, "plain"),
        { name: "plain", version: "1.2.3", license: "MIT" },
        {
          "license.md": "MIT text of plain",
          "license-checker.js": "not a licence",
        },
      ),
      pkg(
        path.join(nm, "@scope", "dual"),
        {
          name: "@scope/dual",
          version: "0.1.0",
          license: "(MIT OR Apache-2.0)",
        },
        { "LICENSE-MIT": "dual MIT text", "LICENSE-APACHE": "dual Apache text" },
      ),
      pkg(
        path.join(nm, "british"),
        { name: "british", version: "2.0.0", license: "ISC" },
        {
          LICENCE: "ISC text of british",
        },
      ),
      pkg(
        path.join(nm, "gnu"),
        { name: "gnu", version: "3.0.0", licenses: [{ type: "BSD-2-Clause" }] },
        {
          "COPYING.txt": "BSD text of gnu",
        },
      ),
      pkg(path.join(nm, "bare"), { name: "bare", version: "0.0.1", license: "BSD-3-Clause" }),
      pkg(path.join(nm, "silent"), { name: "silent", version: "9.9.9" }),
      // The same name and version nested elsewhere is listed once; another version is its own.
      pkg(path.join(nm, "british", "node_modules", "plain"), { name: "plain", version: "1.2.3" }),
      pkg(
        path.join(nm, "gnu", "node_modules", "plain"),
        { name: "plain", version: "0.9.0" },
        {
          LICENSE: "old plain text",
        },
      ),
    ];
    const notice = licenseNotice(folders);
    expect(headings(notice)).toEqual([
      "@scope/dual 0.1.0",
      "bare 0.0.1",
      "british 2.0.0",
      "gnu 3.0.0",
      "plain 0.9.0",
      "plain 1.2.3",
      "silent 9.9.9",
    ]);
    expect(notice).toContain("plain 1.2.3\nLicense: MIT\n\nMIT text of plain\n");
    expect(notice).not.toContain("not a licence");
    expect(notice).toContain(
      "@scope/dual 0.1.0\nLicense: (MIT OR Apache-2.0)\n\ndual Apache text\n\ndual MIT text\n",
    );
    expect(notice).toContain("british 2.0.0\nLicense: ISC\n\nISC text of british\n");
    expect(notice).toContain("gnu 3.0.0\nLicense: BSD-2-Clause\n\nBSD text of gnu\n");
    expect(notice).toContain("plain 0.9.0\nLicense: UNKNOWN (none declared)\n\nold plain text\n");
    expect(notice).toMatch(
      /bare 0\.0\.1\nLicense: BSD-3-Clause\n\n\(The package ships no licence file; its package\.json declares the licence BSD-3-Clause\.\)/,
    );
    expect(notice).toContain(
      "silent 9.9.9\nLicense: UNKNOWN (none declared)\n\n" +
        "(The package ships no licence file; its package.json declares no licence either.)\n",
    );
  });

  it("names the folder and the fix when a bundled package has no manifest", () => {
    const missing = path.join(mkdtempSync(path.join(tmpdir(), "rbx-lic-")), "node_modules", "gone");
    expect(() => licenseNotice([missing])).toThrow(/gone[/\\]package\.json: .*run `npm ci`/);
  });
});

/** The installed version of a package, from its own package.json. */
function installedVersion(name: string): string {
  const manifest: unknown = JSON.parse(
    readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8"),
  );
  if (typeof manifest !== "object" || manifest === null || !("version" in manifest))
    throw new Error(`${name}: no version`);
  return String(manifest.version);
}

// The notices `scripts/bundle.js` writes beside the bundles the other tests build and run. The
// action's two steps are launchers of one bundle, `action.js`, whose notice covers both.
describe.each<[BundleEntry, string, string[]]>([
  [
    "index.js",
    "action.licenses.txt",
    [
      "@actions/artifact",
      "@actions/core",
      "@actions/github",
      "@anthropic-ai/sdk",
      "@azure/storage-blob",
      "@slack/web-api",
      "micromark",
      "micromark-extension-gfm-table",
      "web-tree-sitter",
      "yaml",
      "zod",
    ],
  ],
  [
    "cli.js",
    "cli.licenses.txt",
    [
      "@anthropic-ai/sdk",
      "@modelcontextprotocol/server",
      "@slack/logger",
      "@slack/web-api",
      "commander",
      "micromark",
      "zod",
    ],
  ],
])("the licence notice of %s (%s)", (entry, noticeFile, known) => {
  let notice = "";
  beforeAll(() => {
    const bundle = bundlePath(entry);
    notice = readFileSync(path.join(path.dirname(bundle), noticeFile), "utf8");
  });

  it("lists packages known to be bundled, at their installed versions", () => {
    const listed = headings(notice);
    for (const name of known) expect(listed).toContain(`${name} ${installedVersion(name)}`);
  });

  it("gives every listed package a licence id and a text or a note", () => {
    const sections = notice.split(/\n-{72}\n\n/);
    expect(sections.length).toBe(headings(notice).length);
    for (const section of sections) {
      expect(section).toMatch(/^\S+ \S+\nLicense: \S.*\n\n\S/);
    }
  });
});

it("the WASM notice names both tree-sitter packages with their licence texts", () => {
  const bundle = bundlePath("index.js");
  const notice = readFileSync(path.join(path.dirname(bundle), "wasm.licenses.txt"), "utf8");
  expect(headings(notice)).toEqual([
    `tree-sitter-bash ${installedVersion("tree-sitter-bash")}`,
    `web-tree-sitter ${installedVersion("web-tree-sitter")}`,
  ]);
  expect(notice).toMatch(/License: MIT\n\nThe MIT License/);
});
