// Shannon entropy of a string, in bits per character.

/**
 * The Shannon entropy of the string's characters (UTF-16 code units), in bits per character:
 * `-Σ p(c) log2 p(c)` over the distinct characters `c`. It is 0 for an empty or constant string and at most
 * `log2(min(length, alphabet size))`: a hexadecimal string never exceeds 4, a base64 string never exceeds 6, and a
 * string of `n` characters never exceeds `log2(n)` (so a 20-character token stays below 4.33).
 *
 * @example
 * ```ts
 * shannonEntropy('aaaa'); // 0
 * shannonEntropy('abcd'); // 2
 * ```
 */
export function shannonEntropy(text: string): number {
  if (text.length === 0) return 0;
  const counts = new Map<string, number>();
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    counts.set(character, (counts.get(character) ?? 0) + 1);
  }
  let entropy = 0;
  for (const count of counts.values()) {
    const probability = count / text.length;
    entropy -= probability * Math.log2(probability);
  }
  return entropy;
}
