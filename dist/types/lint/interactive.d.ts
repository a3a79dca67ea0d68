import type { ShellCommand } from "../shell/types.js";
import { type InteractiveUse } from "./interactive-kinds.js";
export type { InteractiveKind, InteractiveUse } from "./interactive-kinds.js";
/** Why a command cannot run unattended, if it cannot. */
export declare function interactiveUse(command: ShellCommand): InteractiveUse | undefined;
