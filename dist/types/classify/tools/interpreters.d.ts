import { type ToolFamily } from "../hit.js";
/** Script interpreters (python, node, ruby, perl, php, pwsh). */
export declare const interpreterFamilies: readonly ToolFamily[];
/** Programs that run code given on stdin when they have no script argument. */
export declare const CODE_RUNNERS: ReadonlySet<string>;
