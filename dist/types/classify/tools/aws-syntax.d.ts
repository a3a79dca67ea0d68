/** A client-side option of the AWS CLI: whether it takes a value, and whether it is safe for a read. */
export interface AwsClientOption {
    readonly takesValue: boolean;
    readonly safe: boolean;
}
/**
 * Global options and the options every operation has. `--endpoint-url` sends the signed
 * request (and its answer) to a host the runbook chooses, and `--cli-input-json|yaml` read
 * the request from a file the rules cannot see: neither is a proven read.
 */
export declare const AWS_CLIENT_OPTIONS: ReadonlyMap<string, AwsClientOption>;
/**
 * Read operations (by the AWS API's naming: Describe, List, Get, Head, BatchGet, Lookup,
 * Search, Filter, Select, Simulate, and DynamoDB's Scan/Query, SimpleDB's Select) and the waiters.
 * A bare `get` is not one (`aws emr get` copies a file from the cluster to this machine).
 */
export declare const AWS_READ_OPERATION: RegExp;
/** CLI commands that are not API operations and only read, with how many operands they take. */
export declare const AWS_CUSTOM_READS: ReadonlyMap<string, number>;
/**
 * Read-named operations whose answer is a stream the CLI writes to an OUTFILE operand
 * (botocore: `has_streaming_output` or an event stream), generated from the installed
 * botocore models; `__tests__/classify/tools/aws-syntax.test.ts` checks it against them.
 */
export declare const AWS_STREAMING_READS: ReadonlySet<string>;
