import type { ToolInput } from "./hit.js";
/**
 * True when something reaches the command's stdin: text the script shows, a pipe, or a file
 * other than `/dev/null`. Tools that send their stdin somewhere (`openssl s_client`, HTTPie's
 * request body) do not only read then.
 */
export declare function stdinIsFed({ stdinText, command, }: Pick<ToolInput, "stdinText" | "command">): boolean;
