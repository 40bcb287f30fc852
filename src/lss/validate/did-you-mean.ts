import { closestMatches } from '../../registry/closest-matches.js';

/**
 * `Did you mean \`workers.writer\`?` for the candidate closest to `word`, or `undefined` when none is close; `prefix`
 * is written before the suggestion (e.g. `workers.`).
 *
 * @example
 * ```ts
 * didYouMean('writr', ['writer', 'editor'], 'workers.'); // 'Did you mean `workers.writer`?'
 * ```
 */
export function didYouMean(word: string, candidates: Iterable<string>, prefix = ''): string | undefined {
  const best = closestMatches(word, candidates, 1)[0];
  return best === undefined ? undefined : `Did you mean \`${prefix}${best}\`?`;
}

/**
 * The candidate closest to `word` (within a third of its length), or `undefined`.
 *
 * @example
 * ```ts
 * closestMatch('determinstic', ['deterministic', 'human']); // 'deterministic'
 * ```
 */
export function closestMatch(word: string, candidates: Iterable<string>): string | undefined {
  return closestMatches(word, candidates, 1)[0];
}
