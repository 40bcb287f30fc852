/**
 * A 32-bit seed derived from a base seed and names (FNV-1a over their text): the same parts give the same seed on
 * every machine, and different parts give unrelated seeds. Used to give each model call of an episode its own
 * reproducible seed.
 *
 * @example
 * ```ts
 * deriveSeed(42, 'writer', 3, 1); // the seed of the writer's first attempt in iteration 3 of episode seed 42
 * ```
 */
export function deriveSeed(seed: number, ...parts: readonly (string | number)[]): number {
  let hash = 0x811c9dc5;
  const text = [seed, ...parts].join('\u0000');
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
