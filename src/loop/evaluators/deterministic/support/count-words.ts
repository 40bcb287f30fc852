// Word counting for length evaluators.

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
const WHITESPACE = /\s/u;

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
  // One pass over the characters (the same count as splitting at /\s+/u and testing each token for a letter or a
  // digit): ASCII is decided by its code, anything else by the same Unicode classes.
  let count = 0;
  let counted = false;
  const length = text.length;
  for (let index = 0; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      if (code === 32 || (code >= 9 && code <= 13)) counted = false;
      else if (
        !counted &&
        ((code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57))
      ) {
        counted = true;
        count++;
      }
      continue;
    }
    const point = text.codePointAt(index)!;
    const character = String.fromCodePoint(point);
    if (point > 0xffff) index++;
    if (WHITESPACE.test(character)) counted = false;
    else if (!counted && WORD_CHARACTER.test(character)) {
      counted = true;
      count++;
    }
  }
  return count;
}
