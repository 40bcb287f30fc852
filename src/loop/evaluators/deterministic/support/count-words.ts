// Word counting for length evaluators.

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/**
 * The number of words in `text`: whitespace-separated tokens holding at least one letter or digit, so markdown
 * marks (`#`, `-`, `**`, `|`) and lone punctuation do not count.
 *
 * @example
 * ```ts
 * countWords('## Summary\n- Solid-state cells ship in 2027.'); // 6
 * ```
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/u)) {
    if (WORD_CHARACTER.test(token)) count += 1;
  }
  return count;
}
