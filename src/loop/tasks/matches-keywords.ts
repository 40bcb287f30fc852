// Recognizing a reference fact in a text by its keyword groups.
import type { ReferenceFact } from './loop-task.js';

/** `text` compared without regard to case, Unicode form or spacing (runs of whitespace become one space). */
function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/**
 * Whether `text` shows a fact by its keywords: every group must match, and a group matches when any of its phrases
 * appears in the text (see {@link ReferenceFact.keywords}), ignoring case and spacing the way the `fact_coverage`
 * evaluator does. No groups never match.
 *
 * @example
 * ```ts
 * matchesKeywords([['pilot'], ['2027', '2028']], 'Pilot lines reach small volumes in 2028.'); // true
 * matchesKeywords([['pilot'], ['2027', '2028']], 'Pilot lines exist.'); // false
 * ```
 */
export function matchesKeywords(keywords: ReferenceFact['keywords'], text: string): boolean {
  return keywordMatcher(text)(keywords);
}

/**
 * {@link matchesKeywords} for many facts against one text: the text is folded once.
 *
 * @example
 * ```ts
 * const shows = keywordMatcher(answer);
 * facts.filter((fact) => shows(fact.keywords));
 * ```
 */
export function keywordMatcher(text: string): (keywords: ReferenceFact['keywords']) => boolean {
  const folded = fold(text);
  return (keywords) =>
    keywords.length > 0 &&
    keywords.every((group) => group.some((phrase) => fold(phrase) !== '' && folded.includes(fold(phrase))));
}
