/**
 * Phrases that address a classifier or an assistant rather than an operator. Runbooks have no
 * reason to say them, so a step that does is treated as hostile: the model may still raise its
 * risk, but not lower it below the rules' verdict.
 */
const PATTERNS: readonly RegExp[] = [
  /\b(ignore|disregard|forget|override)\b[^.\n]{0,40}\b(previous|prior|above|earlier|all|system|your)\b[^.\n]{0,20}\b(instructions?|prompts?|rules?|directions?)\b/i,
  /\b(classify|label|mark|rate|treat)\b[^.\n]{0,40}\b(as|is)\s+[`"']?(read[_ -]?only|safe|harmless|low[- ]risk)\b/i,
  /\b(risk[_ ]level|risk_level)\b\s*[:=]\s*[`"']?read[_ -]?only/i,
  /\byou are (now )?(an? )?([\w-]+ ){0,2}(ai|assistant|language model|classifier|claude)\b/i,
  /<\/?(system|instructions?|assistant)>/i,
];

/** True when `text` reads like instructions aimed at the model that classifies it. */
export function looksLikeInjection(text: string): boolean {
  return PATTERNS.some((pattern) => pattern.test(text));
}
