import { hasLong, positionals } from "../args.js";
import { code, destructive, type Hit, modifying, readOnly, type ToolFamily } from "../hit.js";

/** Long options of the AWS CLI that take no value; every other `--option` takes one. */
const FLAGS = [
  "debug",
  "no-verify-ssl",
  "no-paginate",
  "no-cli-pager",
  "no-sign-request",
  "dryrun",
  "dry-run",
  "no-dry-run",
  "recursive",
  "force",
  "delete",
  "quiet",
  "only-show-errors",
  "human-readable",
  "summarize",
  "follow",
  "no-follow-symlinks",
  "exact-timestamps",
  "size-only",
  "include-all-instances",
  "no-include-all-instances",
  "cli-auto-prompt",
  "no-cli-auto-prompt",
  "generate-cli-skeleton",
  "force-delete-without-recovery",
  "skip-final-snapshot",
  "delete-automated-backups",
  "no-wait",
  "yes",
];

const READ_OP =
  /^(describe|list|get|head|show|search|lookup|filter|batch-get|scan|query|select|wait|test|validate|estimate|preview|simulate|check|detect|generate-presigned|download-db-log-file-portion|tail|ls|presign|whoami)(-|$)/;
const DESTRUCTIVE_OP =
  /^(delete|terminate|deregister|purge|destroy|rb|rm|release|schedule-key-deletion|batch-delete)(-|$)/;

/** `aws s3 rm|rb|mv|sync --delete|cp|ls|presign` and `aws s3api …`. */
function s3(op: string, args: readonly string[]): Hit {
  if (op === "ls" || op === "presign")
    return readOnly("aws.read", `${code("aws s3", op)} only reads`);
  if (op === "rm" || op === "rb")
    return destructive("aws.s3-delete", `${code("aws s3", op)} deletes objects or buckets`);
  if (op === "sync" && hasLong(args, ["delete"]))
    return destructive(
      "aws.s3-delete",
      `${code("aws s3 sync --delete")} deletes objects missing from the source`,
    );
  if (hasLong(args, ["dryrun"]))
    return readOnly("aws.dry-run", `${code("aws s3", op, "--dryrun")} changes nothing`);
  return modifying("aws.s3-write", `${code("aws s3", op)} writes objects`);
}

const aws: ToolFamily = {
  names: ["aws", "awslocal"],
  rule: ({ args }) => {
    const ops = positionals(args, { longFlags: FLAGS });
    const service = ops[0] ?? "";
    const op = ops[1] ?? "";
    if (service === "" || service === "help" || op === "help" || hasLong(args, ["version"]))
      return readOnly("aws.read", `${code("aws")} prints help`);
    if (service === "s3") return s3(op, args);
    if (
      service === "sts" ||
      (service === "configure" &&
        (op === "list" || op === "get" || op === "list-profiles" || op === "export-credentials"))
    )
      return readOnly("aws.read", `${code("aws", service, op)} only reads`);
    if (service === "logs" && op === "tail")
      return readOnly("aws.read", `${code("aws logs tail")} only reads`);
    if (service === "ssm" && op === "start-session")
      return modifying(
        "aws.session",
        `${code("aws ssm start-session")} opens a shell on an instance`,
      );
    if (service === "ec2" && hasLong(args, ["dry-run"]))
      return readOnly("aws.dry-run", `${code("aws ec2", op, "--dry-run")} changes nothing`);
    if (DESTRUCTIVE_OP.test(op))
      return destructive(
        "aws.delete",
        `${code("aws", service, op)} deletes or terminates cloud resources`,
      );
    if (READ_OP.test(op)) return readOnly("aws.read", `${code("aws", service, op)} only reads`);
    return modifying("aws.change", `${code("aws", service, op)} changes cloud resources`);
  },
};

/** AWS CLI rules. */
export const awsFamilies: readonly ToolFamily[] = [aws];
