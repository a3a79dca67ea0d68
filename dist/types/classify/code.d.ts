import { type Hit } from "./hit.js";
/** Languages whose code the rules scan for well-known dangerous calls (not a full analysis). */
export declare const CODE_LANGUAGES: readonly ["python", "javascript", "ruby", "perl", "php", "powershell", "cmd"];
/** A language {@link scanCode} knows. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];
/**
 * Scan code for well-known dangerous calls. Positive matches are proven (they set the floor);
 * otherwise the code is unknown: the rules never call code `read_only`.
 */
export declare function scanCode(language: CodeLanguage, text: string, runner: string, shell: (script: string) => readonly Hit[]): Hit[];
