/**
 * The forms a secret value takes when a step re-encodes it, each matched as literally as the
 * value itself: the ones GitHub's runner masks (base64 at each of the three byte alignments,
 * URL-encoding, JSON-escaping) and hex in both cases (`xxd -p`, `od`, `hexdump`).
 * Forms shorter than `minLength` are left out: they would blank ordinary words.
 */
export function encodedForms(value: string, minLength: number): string[] {
  const bytes = Buffer.from(value, "utf8");
  const forms = [
    ...[0, 1, 2].flatMap((offset) => alignedBase64(bytes, offset)),
    encodeURIComponent(value),
    JSON.stringify(value).slice(1, -1),
    bytes.toString("hex"),
    bytes.toString("hex").toUpperCase(),
  ];
  return [...new Set(forms)].filter((form) => form !== value && form.length >= minLength);
}

/**
 * The base64 characters that depend on `bytes` alone when they sit `offset` bytes into a longer
 * encoded stream (`base64 /proc/…/environ`, a Kubernetes secret's data): the characters that mix
 * in unknown neighbouring bytes at either end, and the padding, are cut off. Both alphabets.
 */
function alignedBase64(bytes: Buffer, offset: number): string[] {
  const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64");
  // Leading characters that carry bits of the `offset` unknown bytes: none, 2 or 3.
  const lead = [0, 2, 3][offset] ?? 0;
  const padding = encoded.length - encoded.replace(/=+$/, "").length;
  // With padding the last kept character would also carry bits of the unknown next byte.
  const end = encoded.length - padding - (padding > 0 ? 1 : 0);
  const stable = encoded.slice(lead, end);
  const urlSafe = stable.replaceAll("+", "-").replaceAll("/", "_");
  return urlSafe === stable ? [stable] : [stable, urlSafe];
}
