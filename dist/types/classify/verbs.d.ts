import { type Hit } from "./hit.js";
/**
 * An unknown command whose words include a destructive verb is treated as destructive: the
 * rules cannot prove otherwise, and `--auto-approve modifying` must not run it unattended.
 */
export declare function destructiveVerbHit(name: string, args: readonly string[]): Hit | undefined;
