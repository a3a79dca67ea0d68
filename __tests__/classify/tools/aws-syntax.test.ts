import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import {
  AWS_CLIENT_OPTIONS,
  AWS_READ_OPERATION,
  AWS_STREAMING_READS,
} from "../../../src/classify/tools/aws-syntax.js";

/**
 * The AWS CLI's own data, where awscli and botocore are installed: its global options (with
 * whether each takes a value) and every operation that streams its answer to an OUTFILE.
 */
const PROBE = `
import json, botocore.session
from awscli.clidriver import create_clidriver
options = {k: v.get("action", "store") not in ("store_true", "store_false", "version")
           for k, v in create_clidriver()._get_cli_data()["options"].items()}
session = botocore.session.get_session()
streaming = []
for service in session.get_available_services():
    model = session.get_service_model(service)
    for name in model.operation_names:
        op = model.operation_model(name)
        if op.has_streaming_output or op.has_event_stream_output:
            cli = "s3api" if service == "s3" else service
            streaming.append(cli + " " + botocore.xform_name(name, "-"))
print(json.dumps({"options": options, "streaming": streaming}))
`;

function probe(): { options: Record<string, boolean>; streaming: string[] } | undefined {
  try {
    return JSON.parse(execFileSync("python3", ["-c", PROBE], { encoding: "utf8" })) as {
      options: Record<string, boolean>;
      streaming: string[];
    };
  } catch {
    return undefined;
  }
}

const installed = probe();

describe.skipIf(installed === undefined)("the AWS CLI grammar against the installed awscli", () => {
  it("knows every global option, and whether it takes a value", () => {
    for (const [name, takesValue] of Object.entries(installed?.options ?? {}))
      expect({ name, takesValue: AWS_CLIENT_OPTIONS.get(name)?.takesValue }).toEqual({
        name,
        takesValue,
      });
  });

  it("lists exactly the read-named operations that write their answer to a file", () => {
    const reads = (installed?.streaming ?? []).filter((op) =>
      AWS_READ_OPERATION.test(op.split(" ")[1] ?? ""),
    );
    expect(reads.length).toBeGreaterThan(10);
    expect([...AWS_STREAMING_READS].sort()).toEqual(reads.sort());
  });
});
