import { hasLong, positionals } from "../args.js";
import {
  code,
  destructive,
  type Hit,
  modifying,
  provenBy,
  readOnly,
  type ToolFamily,
} from "../hit.js";
import {
  AWS_CLIENT_OPTIONS,
  AWS_CUSTOM_READS,
  AWS_READ_OPERATION,
  AWS_STREAMING_READS,
  type AwsClientOption,
} from "./aws-syntax.js";

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

const DESTRUCTIVE_OP =
  /^(delete|terminate|deregister|purge|destroy|rb|rm|release|schedule-key-deletion|batch-delete)(-|$)/;

/** A request parameter's value the CLI replaces with a local file's content. */
const PARAM_FILE = /^fileb?:\/\//i;

/** The client option `--name` stands for, exactly or as argparse's unique prefix; `"unsafe"` when it may stand for one that is not safe. */
function clientOption(name: string): AwsClientOption | "unsafe" | "ambiguous" | undefined {
  const exact = AWS_CLIENT_OPTIONS.get(name);
  if (exact !== undefined) return exact;
  const matches = [...AWS_CLIENT_OPTIONS].filter(([long]) => long.startsWith(name));
  if (matches.some(([, o]) => !o.safe)) return "unsafe";
  if (matches.length > 1) return "ambiguous";
  return matches[0]?.[1];
}

const problem = (word: string, why: string): Hit =>
  modifying(
    "grammar.aws",
    `${code("aws")}: ${code(word)} ${why}, so the command is not a proven read`,
  );

/**
 * The closed world for an AWS CLI read: every client option known and safe, no value read from
 * a local file, and no operand beyond the command path (`operands` for CLI commands that take
 * some, the waiter's name for `wait`).
 */
function readProblems(args: readonly string[], operands: number): Hit[] {
  const hits: Hit[] = [];
  let positionals = 0;
  let parameter = false;
  for (let i = 0; i < args.length; i++) {
    const word = args[i] ?? "";
    if (PARAM_FILE.test(word) || /^--[^=]*=fileb?:\/\//i.test(word)) {
      hits.push(problem(word, "reads a local file into the request"));
      continue;
    }
    if (word.startsWith("--")) {
      const eq = word.indexOf("=");
      const found = clientOption(eq < 0 ? word.slice(2) : word.slice(2, eq));
      parameter = found === undefined;
      if (found === "ambiguous") {
        hits.push(problem(word, "abbreviates more than one option"));
        continue;
      }
      const unsafe = found === "unsafe" || found?.safe === false;
      if (unsafe) hits.push(problem(word, "is not known to be safe for a read"));
      if ((unsafe || found?.takesValue === true) && eq < 0) i++;
      continue;
    }
    if (word.startsWith("-") && word !== "-") {
      hits.push(problem(word, "is not an option the rules know"));
      continue;
    }
    if (parameter) continue;
    if (++positionals > 2 + operands)
      hits.push(problem(word, "is an operand the CLI may write to"));
  }
  return hits;
}

/** A read, unless its words are not all understood. */
function proven(read: Hit, args: readonly string[], operands: number): Hit | Hit[] {
  const problems = readProblems(args, operands);
  return problems.length > 0 ? problems : read;
}

/** `aws s3 rm|rb|mv|sync --delete|cp|ls|presign` and `aws s3api …`. */
function s3(op: string, args: readonly string[]): Hit | Hit[] {
  if (op === "ls" || op === "presign")
    return proven(readOnly("aws.read", `${code("aws s3", op)} only reads`), args, 1);
  if (op === "rm" || op === "rb")
    return destructive("aws.s3-delete", `${code("aws s3", op)} deletes objects or buckets`);
  if (op === "sync" && hasLong(args, ["delete"]))
    return destructive(
      "aws.s3-delete",
      `${code("aws s3 sync --delete")} deletes objects missing from the source`,
    );
  if (args.includes("--dryrun"))
    return proven(
      readOnly("aws.dry-run", `${code("aws s3", op, "--dryrun")} changes nothing`),
      args,
      2,
    );
  return modifying("aws.s3-write", `${code("aws s3", op)} writes objects`);
}

const aws: ToolFamily = {
  names: ["aws", "awslocal"],
  // The rule holds the AWS CLI's grammar itself (aws-syntax.ts).
  readsProvenBy: provenBy(["aws", "awslocal"], "own-grammar"),
  rule: ({ args }) => {
    const ops = positionals(args, { longFlags: FLAGS });
    const service = ops[0] ?? "";
    const op = ops[1] ?? "";
    if (service === "" || service === "help" || op === "help" || hasLong(args, ["version"]))
      return readOnly("aws.read", `${code("aws")} prints help`);
    if (service === "s3") return s3(op, args);
    const custom = AWS_CUSTOM_READS.get(`${service} ${op}`);
    if (custom !== undefined)
      return proven(readOnly("aws.read", `${code("aws", service, op)} only reads`), args, custom);
    if (service === "ssm" && op === "start-session")
      return modifying(
        "aws.session",
        `${code("aws ssm start-session")} opens a shell on an instance`,
      );
    if (service === "ec2" && args.lastIndexOf("--dry-run") > args.lastIndexOf("--no-dry-run"))
      return proven(
        readOnly("aws.dry-run", `${code("aws ec2", op, "--dry-run")} changes nothing`),
        args,
        0,
      );
    if (DESTRUCTIVE_OP.test(op))
      return destructive(
        "aws.delete",
        `${code("aws", service, op)} deletes or terminates cloud resources`,
      );
    if (AWS_STREAMING_READS.has(`${service} ${op}`))
      return modifying(
        "aws.outfile",
        `${code("aws", service, op)} writes its answer to a file on this machine`,
      );
    if (AWS_READ_OPERATION.test(op))
      return proven(
        readOnly("aws.read", `${code("aws", service, op)} only reads`),
        args,
        op === "wait" ? 1 : 0,
      );
    return modifying("aws.change", `${code("aws", service, op)} changes cloud resources`);
  },
};

/** AWS CLI rules. */
export const awsFamilies: readonly ToolFamily[] = [aws];
