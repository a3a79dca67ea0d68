import { showHiddenChars } from "../../core/hidden-chars.js";

/** Escapes a workflow command's message (`%`, CR, LF), as the runner's `escapeData`. */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command property value: as {@link escapeData}, plus `:` and `,`. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/**
 * Text for a workflow command's message (an annotation, for example): hidden characters shown by
 * name, then escaped so nothing in it can end the command or start another one.
 */
export function workflowCommandMessage(text: string): string {
  return escapeData(showHiddenChars(text.replace(/\r\n?/g, "\n")));
}

/** Text for a workflow command's property (a title, a file): one line, then escaped. */
export function workflowCommandProperty(text: string): string {
  return escapeProperty(showHiddenChars(text.replace(/\r\n|[\r\n\t]/g, " ")));
}
