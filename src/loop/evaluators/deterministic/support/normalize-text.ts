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
  return text.replace(UNLIKE_ONE_SPACE, ' ').trim();
}

/**
 * Runs of whitespace other than a single space (the same result as replacing every `\s+` run, with far fewer
 * replacements: a run always matches from its first character, whole).
 */
const UNLIKE_ONE_SPACE = / \s+|[^\S ]\s*/gu;

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
  const folded = foldPhrase(phrase);
  if (folded === '') return true;
  // Callers usually ask about many phrases in one text: keep the last text's folding.
  if (text !== lastText) {
    lastFolded = foldText(text);
    lastText = text;
  }
  return lastFolded.includes(folded);
}

let lastText = '';
let lastFolded = '';

/** Foldings of phrases (keywords of facts, required phrases): few and asked for again and again. */
const phraseFoldings = new Map<string, string>();
const PHRASE_FOLDINGS_CAPACITY = 4096;

function foldPhrase(phrase: string): string {
  let folded = phraseFoldings.get(phrase);
  if (folded === undefined) {
    folded = foldText(phrase);
    if (phraseFoldings.size >= PHRASE_FOLDINGS_CAPACITY) phraseFoldings.clear();
    phraseFoldings.set(phrase, folded);
  }
  return folded;
}

/**
 * A test of phrases against one text, folding the text once (at the first phrase that needs it): the same answers
 * as {@link containsPhrase} for each phrase, without folding the text again for every phrase.
 *
 * @example
 * ```ts
 * const contains = createPhraseMatcher('Pilot lines open in 2027.');
 * contains('pilot  LINES'); // true
 * contains('2028'); // false
 * ```
 */
export function createPhraseMatcher(text: string): (phrase: string) => boolean {
  let folded: string | undefined;
  return (phrase) => {
    const wanted = foldPhrase(phrase);
    if (wanted === '') return true;
    folded ??= foldText(text);
    return folded.includes(wanted);
  };
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
