// Text normalization shared by matching evaluators.

/**
 * `text` with every run of whitespace made one space and the ends trimmed.
 *
 * @example
 * ```ts
 * collapseWhitespace('  a \n\t b '); // 'a b'
 * ```
 */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/**
 * `text` made comparable without regard to case or spacing: Unicode-normalized (NFKC), lower-cased, whitespace
 * collapsed.
 *
 * @example
 * ```ts
 * foldText('Solid-State\n  Batteries'); // 'solid-state batteries'
 * ```
 */
export function foldText(text: string): string {
  return collapseWhitespace(text.normalize('NFKC').toLowerCase());
}

/**
 * Whether `phrase` appears in `text`, ignoring case and spacing.
 *
 * @example
 * ```ts
 * containsPhrase('Pilot lines open in 2027.', 'pilot  LINES'); // true
 * ```
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const folded = foldText(phrase);
  return folded === '' || foldText(text).includes(folded);
}

/**
 * A short quotation of `text` for hints: whitespace collapsed, cut at `limit` characters with an ellipsis.
 *
 * @example
 * ```ts
 * quote('a very long line …', 10); // 'a very lo…'
 * ```
 */
export function quote(text: string, limit = 80): string {
  const collapsed = collapseWhitespace(text);
  return collapsed.length > limit ? `${collapsed.slice(0, limit - 1)}…` : collapsed;
}
