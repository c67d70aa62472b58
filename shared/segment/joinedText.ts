/**
 * The texts of the sentences `indices` joined by `separator`, a missing sentence counting as ''
 * (as `indices.map((i) => sentences[i]?.text ?? '').join(separator)`). Concatenated rather than
 * mapped and joined: the array `map` returns is holey from unoptimised code and packed from
 * optimised code, and the checks calling `join` on it were deoptimised each time the kind switched.
 */
export function joinedText(sentences: readonly { text: string }[], indices: readonly number[], separator: string): string {
  let out = '';
  for (let k = 0; k < indices.length; k++) {
    if (k > 0) out += separator;
    out += sentences[indices[k]!]?.text ?? '';
  }
  return out;
}
