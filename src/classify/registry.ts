import type { ToolFamily } from "./hit.js";
import { awsFamilies } from "./tools/aws.js";
import { azFamilies } from "./tools/az.js";
import { databaseFamilies } from "./tools/databases.js";
import { diskFamilies } from "./tools/disks.js";
import { cryptoFamilies } from "./tools/crypto.js";
import { containerFamilies } from "./tools/docker.js";
import { fileFamilies } from "./tools/files.js";
import { gcloudFamilies } from "./tools/gcloud.js";
import { ghFamilies } from "./tools/gh.js";
import { gitFamilies } from "./tools/git.js";
import { httpFamilies } from "./tools/http.js";
import { interpreterFamilies } from "./tools/interpreters.js";
import { kubeFamilies } from "./tools/kubectl.js";
import { networkFamilies } from "./tools/network.js";
import { packageFamilies } from "./tools/packages.js";
import { readers } from "./tools/readers.js";
import { redisFamilies } from "./tools/redis.js";
import { runnerFamilies } from "./tools/runners.js";
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
  ...kubeFamilies,
  ...containerFamilies,
  ...gitFamilies,
  ...ghFamilies,
  ...awsFamilies,
  ...gcloudFamilies,
  ...azFamilies,
  ...terraformFamilies,
  ...packageFamilies,
  ...httpFamilies,
  ...cryptoFamilies,
  ...databaseFamilies,
  ...redisFamilies,
  ...interpreterFamilies,
  ...shellFamilies,
];

const BY_NAME: ReadonlyMap<string, ToolFamily> = new Map(
  TOOL_FAMILIES.flatMap((family) => family.names.map((name) => [name, family] as const)),
);

/**
 * The family for a command name: exact, then without a version suffix (`python3.11`,
 * `pip3.12`), then the part before a dot (`mkfs.ext4`), then without `.exe`.
 */
export function toolFor(name: string): ToolFamily | undefined {
  return (
    BY_NAME.get(name) ??
    BY_NAME.get(name.replace(/[\d.]+$/, "")) ??
    BY_NAME.get(name.split(".")[0] ?? "") ??
    BY_NAME.get(name.replace(/\.exe$/i, ""))
  );
}
