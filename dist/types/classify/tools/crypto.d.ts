import { type ToolFamily } from "../hit.js";
/** openssl and gpg rules. */
export declare const cryptoFamilies: readonly ToolFamily[];
