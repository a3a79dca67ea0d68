/*
 * The AWS CLI's grammar as the rules hold a read to it (aws-cli 1.45 / 2.x, `aws help`,
 * botocore 1.43 service models). The CLI is argparse: every `--option` may be abbreviated to
 * a unique prefix, and every option after the operation that is not a client option below is
 * a request parameter, sent to the API and checked there; a read operation's parameters cannot
 * make it change anything. What can reach this machine is listed here: the client options,
 * `file://`/`fileb://` values (the CLI reads a local file into the request), and the operations
 * that stream their answer into a file named by an operand.
 */

/** A client-side option of the AWS CLI: whether it takes a value, and whether it is safe for a read. */
export interface AwsClientOption {
  readonly takesValue: boolean;
  readonly safe: boolean;
}

const option = (takesValue: boolean, safe = true): AwsClientOption => ({ takesValue, safe });

/**
 * Global options and the options every operation has. `--endpoint-url` sends the signed
 * request (and its answer) to a host the runbook chooses, and `--cli-input-json|yaml` read
 * the request from a file the rules cannot see: neither is a proven read.
 */
export const AWS_CLIENT_OPTIONS: ReadonlyMap<string, AwsClientOption> = new Map([
  ["debug", option(false)],
  ["v2-debug", option(false)],
  ["no-verify-ssl", option(false)],
  ["no-paginate", option(false)],
  ["no-sign-request", option(false)],
  ["no-cli-pager", option(false)],
  ["cli-auto-prompt", option(false)],
  ["no-cli-auto-prompt", option(false)],
  ["version", option(false)],
  ["output", option(true)],
  ["query", option(true)],
  ["profile", option(true)],
  ["region", option(true)],
  ["color", option(true)],
  ["ca-bundle", option(true)],
  ["cli-read-timeout", option(true)],
  ["cli-connect-timeout", option(true)],
  ["cli-binary-format", option(true)],
  ["starting-token", option(true)],
  ["max-items", option(true)],
  ["page-size", option(true)],
  ["generate-cli-skeleton", option(false)],
  ["endpoint-url", option(true, false)],
  ["cli-input-json", option(true, false)],
  ["cli-input-yaml", option(true, false)],
]);

/**
 * Read operations (by the AWS API's naming: Describe, List, Get, Head, BatchGet, Lookup,
 * Search, Filter, Select, Simulate, and DynamoDB's Scan/Query, SimpleDB's Select) and the waiters.
 * A bare `get` is not one (`aws emr get` copies a file from the cluster to this machine).
 */
export const AWS_READ_OPERATION =
  /^((describe|list|get|head|batch-get|lookup|search|filter|select|simulate)-[a-z0-9-]+|scan|query|select|wait)$/;

/** CLI commands that are not API operations and only read, with how many operands they take. */
export const AWS_CUSTOM_READS: ReadonlyMap<string, number> = new Map([
  ["s3 ls", 1],
  ["s3 presign", 1],
  ["logs tail", 1],
  ["configure list", 0],
  ["configure list-profiles", 0],
  ["configure get", 1],
  ["eks get-token", 0],
  ["ecr get-login-password", 0],
]);

/**
 * Read-named operations whose answer is a stream the CLI writes to an OUTFILE operand
 * (botocore: `has_streaming_output` or an event stream), generated from the installed
 * botocore models; `__tests__/classify/tools/aws-syntax.test.ts` checks it against them.
 */
export const AWS_STREAMING_READS: ReadonlySet<string> = new Set([
  "apigateway get-export",
  "apigateway get-sdk",
  "appconfig get-configuration",
  "appconfig get-hosted-configuration-version",
  "appconfigdata get-latest-configuration",
  "appsync get-introspection-schema",
  "cloudfront get-connection-function",
  "cloudfront get-function",
  "codeartifact get-package-version-asset",
  "codeguruprofiler get-profile",
  "datazone get-lineage-event",
  "ebs get-snapshot-block",
  "geo-maps get-glyphs",
  "geo-maps get-sprites",
  "geo-maps get-static-map",
  "geo-maps get-style-descriptor",
  "geo-maps get-tile",
  "glacier get-job-output",
  "iot-data get-thing-shadow",
  "iotwireless get-position-estimate",
  "iotwireless get-resource-position",
  "kinesis-video-archived-media get-clip",
  "kinesis-video-archived-media get-media-for-fragment-list",
  "kinesis-video-media get-media",
  "lakeformation get-work-unit-results",
  "location get-map-glyphs",
  "location get-map-sprites",
  "location get-map-style-descriptor",
  "location get-map-tile",
  "logs get-log-object",
  "medialive describe-input-device-thumbnail",
  "mediastore-data get-object",
  "medical-imaging get-image-frame",
  "medical-imaging get-image-set-metadata",
  "omics get-read-set",
  "omics get-reference",
  "s3api get-object",
  "s3api get-object-torrent",
  "s3api select-object-content",
  "sagemaker-geospatial get-tile",
  "schemas get-code-binding-source",
  "tnb get-sol-function-package-content",
  "tnb get-sol-function-package-descriptor",
  "tnb get-sol-network-package-content",
  "tnb get-sol-network-package-descriptor",
  "workmailmessageflow get-raw-message-content",
]);
