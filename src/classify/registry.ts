import type { ToolFamily } from "./hit.js";
import { awsFamilies } from "./tools/aws.js";
import { chefFamilies } from "./tools/knife.js";
import { azFamilies } from "./tools/az.js";
import { databaseFamilies } from "./tools/databases.js";
import { diskFamilies } from "./tools/disks.js";
import { cryptoFamilies } from "./tools/crypto.js";
import { containerFamilies } from "./tools/docker.js";
import { fileFamilies } from "./tools/files.js";
import { gcloudFamilies } from "./tools/gcloud.js";
import { ghFamilies } from "./tools/gh.js";
import { gitFamilies } from "./tools/git.js";
import { gsutilBqFamilies } from "./tools/gsutil-bq.js";
import { helmfileFamilies } from "./tools/helmfile.js";
import { httpFamilies } from "./tools/http.js";
import { infraFamilies } from "./tools/infra.js";
import { interpreterFamilies } from "./tools/interpreters.js";
import { kubeFamilies } from "./tools/kubectl.js";
import { kvStoreFamilies } from "./tools/kv-stores.js";
import { networkFamilies } from "./tools/network.js";
import { packageFamilies } from "./tools/packages.js";
import { pulumiFamilies } from "./tools/pulumi.js";
import { readers } from "./tools/readers.js";
import { redisFamilies } from "./tools/redis.js";
import { runnerFamilies } from "./tools/runners.js";
import { serverAdminFamilies } from "./tools/server-admin.js";
import { shellFamilies } from "./tools/shells.js";
import { systemFamilies } from "./tools/system.js";
import { terraformFamilies } from "./tools/terraform.js";

/** Every tool family, later entries winning a name clash (specific tables after `readers`). */
export const TOOL_FAMILIES: readonly ToolFamily[] = [
  readers,
  ...fileFamilies,
  ...systemFamilies,
  ...diskFamilies,
  ...networkFamilies,
  ...runnerFamilies,
  ...chefFamilies,
  ...serverAdminFamilies,
  ...kubeFamilies,
  ...containerFamilies,
  ...gitFamilies,
  ...ghFamilies,
  ...awsFamilies,
  ...gcloudFamilies,
  ...gsutilBqFamilies,
  ...azFamilies,
  ...terraformFamilies,
  ...helmfileFamilies,
  ...pulumiFamilies,
  ...packageFamilies,
  ...httpFamilies,
  ...cryptoFamilies,
  ...databaseFamilies,
  ...redisFamilies,
  ...kvStoreFamilies,
  ...infraFamilies,
  ...interpreterFamilies,
  ...shellFamilies,
];

const BY_NAME: ReadonlyMap<string, ToolFamily> = new Map(
  TOOL_FAMILIES.flatMap((family) => family.names.map((name) => [name, family] as const)),
);

/** A tool family and the name it knows the command by. */
export interface ToolMatch {
  readonly family: ToolFamily;
  /** `python3` for `python3.11`, `mkfs` for `mkfs.ext4`, `kubectl` for `kubectl.exe`. */
  readonly name: string;
}

/**
 * The family for a command name: exact, then without a version suffix (`python3.11`,
 * `pip3.12`), then the part before a dot (`mkfs.ext4`), then without `.exe`.
 */
export function toolFor(name: string): ToolMatch | undefined {
  // Most names are known as written: look them up before building the other forms.
  const exact = BY_NAME.get(name);
  if (exact !== undefined) return { family: exact, name };
  for (const candidate of [
    name.replace(/[\d.]+$/, ""),
    name.split(".")[0] ?? "",
    name.replace(/\.exe$/i, ""),
  ]) {
    // A one-letter base (`k3s` → `k`) is too short to be the same tool.
    const family = candidate.length > 1 || candidate === name ? BY_NAME.get(candidate) : undefined;
    if (family !== undefined) return { family, name: candidate };
  }
  return undefined;
}
