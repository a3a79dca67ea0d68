import { type Syntax, syntax } from "../grammar/syntax.js";

/*
 * Terraform's (and OpenTofu's) grammar for the commands that read (terraform 1.11,
 * `terraform COMMAND -help`): Go's flag package, one or two dashes, no abbreviations, a
 * boolean flag may be written `-flag=false`, options end at the first operand. `!` marks what
 * writes a file (`plan -out`, `-generate-config-out`, `-state-out`, `-backup`) or loads
 * variables the rules cannot see (`-var-file`: a `.tfvars` file can name anything). Commands
 * not listed (`apply`, `init`, `import`, `get`, `providers lock`…) are never proven reads.
 */

const leaf = (spec: string, maxOperands = 0): Syntax =>
  syntax(`help ${spec}`, {
    abbreviate: false,
    permute: false,
    singleDashLong: true,
    maxOperands,
  });

const VARS = "var= !var-file=";

/** terraform and tofu from the word after the name. */
export const TERRAFORM: Syntax = syntax("chdir= help version[=]", {
  abbreviate: false,
  singleDashLong: true,
  subcommands: {
    plan: leaf(
      `destroy[=] refresh-only[=] refresh[=] replace= target= ${VARS} compact-warnings[=] detailed-exitcode[=] input[=] lock[=] lock-timeout= no-color[=] parallelism= state= json[=] !out= !generate-config-out=`,
    ),
    show: leaf("json[=] no-color[=] show-sensitive[=]", 1),
    output: leaf("json[=] raw[=] no-color[=] state= show-sensitive[=]", 1),
    validate: leaf("json[=] no-color[=] no-tests[=] test-directory=", 1),
    version: leaf("json[=]"),
    graph: leaf("plan= draw-cycles[=] type= module-depth="),
    providers: syntax("help", {
      abbreviate: false,
      singleDashLong: true,
      subcommands: { schema: leaf("json[=]") },
    }),
    state: syntax("help", {
      abbreviate: false,
      singleDashLong: true,
      subcommands: {
        list: leaf("state= id=", 100),
        show: leaf("state= show-sensitive[=]", 1),
        pull: leaf(""),
      },
    }),
    workspace: syntax("help", {
      abbreviate: false,
      singleDashLong: true,
      subcommands: { list: leaf("", 1), show: leaf("") },
    }),
    fmt: leaf("check[=] diff[=] recursive[=] no-color[=] list[=]", 100),
  },
});
