// The third-party licence notice of a bundle: every npm package webpack put into it (read from
// ncc's `--stats-out`), each with its name, version, licence id and licence text.
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** LICENSE, LICENCE, COPYING in any case, with or without an extension or suffix (LICENSE-MIT). */
const LICENSE_FILE = /^(?:licen[cs]e|copying)(?:[.\-_].*)?$/i;
/** The licence id of a package whose package.json names none. */
const UNDECLARED = "UNKNOWN (none declared)";
/** Source files that merely share the name (a `license.js` helper) are not licence texts. */
const NOT_A_LICENSE = /\.(?:[cm]?[jt]s|json|map)$/i;

/**
 * The folders of the packages a webpack stats object says were bundled, sorted. Module
 * identifiers are loader chains (`loader!loader!/abs/resource|hash`), concatenated modules list
 * their parts under `modules`; a package is the innermost `node_modules/<name>` or
 * `node_modules/@scope/<name>` of a module's resource, so nested copies count separately.
 * @param {unknown} stats
 * @returns {string[]}
 */
export function bundledPackages(stats) {
  const folders = new Set();
  const visit = (node) => {
    if (typeof node !== "object" || node === null) return;
    const resource = resourceOf(node.identifier);
    const folder = resource === undefined ? undefined : packageFolder(resource);
    if (folder !== undefined) folders.add(folder);
    for (const key of ["modules", "children"]) {
      if (Array.isArray(node[key])) node[key].forEach(visit);
    }
  };
  visit(stats);
  return [...folders].sort();
}

/**
 * The notice text for packages in `folders` (each holding its package.json): one section per
 * name and version, sorted, with the licence files' text, or the declared licence and a note
 * when the package ships no licence file.
 * @param {readonly string[]} folders
 * @returns {string}
 */
export function licenseNotice(folders) {
  const sections = new Map();
  for (const folder of folders) {
    const manifest = readManifest(folder);
    const name = typeof manifest.name === "string" ? manifest.name : path.basename(folder);
    const version = typeof manifest.version === "string" ? manifest.version : "unknown";
    const key = `${name}@${version}`;
    if (sections.has(key)) continue;
    sections.set(key, section(folder, name, version, declaredLicense(manifest)));
  }
  return [...sections.keys()]
    .sort()
    .map((key) => sections.get(key))
    .join(`\n${"-".repeat(72)}\n\n`);
}

function section(folder, name, version, license) {
  const files = readdirSync(folder)
    .filter((file) => LICENSE_FILE.test(file) && !NOT_A_LICENSE.test(file))
    .filter((file) => statSync(path.join(folder, file)).isFile())
    .sort();
  const texts = files.map((file) => readFileSync(path.join(folder, file), "utf8").trim());
  const declared =
    license === undefined
      ? "its package.json declares no licence either"
      : `its package.json declares the licence ${license}`;
  const body =
    texts.length > 0 ? texts.join("\n\n") : `(The package ships no licence file; ${declared}.)`;
  return `${name} ${version}\nLicense: ${license ?? UNDECLARED}\n\n${body}\n`;
}

function readManifest(folder) {
  const file = path.join(folder, "package.json");
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `${file}: cannot read the manifest of a bundled package (${error.message}); ` +
        "run `npm ci` so node_modules matches package-lock.json",
      { cause: error },
    );
  }
}

/** `license` as an SPDX expression, or the old `{ type }` / `licenses: [{ type }]` forms. */
function declaredLicense(manifest) {
  const { license, licenses } = manifest;
  if (typeof license === "string" && license.trim() !== "") return license.trim();
  if (typeof license?.type === "string") return license.type;
  if (Array.isArray(licenses)) {
    const types = licenses.map((entry) => entry?.type).filter((type) => typeof type === "string");
    if (types.length > 0) return types.length === 1 ? types[0] : `(${types.join(" OR ")})`;
  }
  return undefined;
}

/** The file a module identifier names: after the last loader, without a type prefix or hash. */
function resourceOf(identifier) {
  if (typeof identifier !== "string") return undefined;
  const last = identifier.slice(identifier.lastIndexOf("!") + 1).replaceAll("\\", "/");
  return last.split("|").find((part) => part.includes("/node_modules/"));
}

function packageFolder(resource) {
  const at = resource.lastIndexOf("/node_modules/");
  if (at === -1) return undefined;
  const start = at + "/node_modules/".length;
  const parts = resource.slice(start).split("/");
  const nameParts = parts[0]?.startsWith("@") === true ? 2 : 1;
  if (parts.length <= nameParts || parts[0] === ".bin") return undefined;
  return resource.slice(0, start) + parts.slice(0, nameParts).join("/");
}
