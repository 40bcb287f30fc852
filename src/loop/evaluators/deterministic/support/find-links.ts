// Links in worker text: markdown links and bare URLs, with where they start.

/** A link found in text. */
export interface FoundLink {
  /** The link target exactly as written (trailing sentence punctuation removed from bare URLs). */
  url: string;
  /** Offset in the text. */
  index: number;
  /** `markdown` for `[text](url)`, `bare` for a URL in running text. */
  kind: 'markdown' | 'bare';
}

const MARKDOWN_LINK =
  /(!?)\[([^\]\n]*)\]\(\s*<?([^()\s>]+(?:\([^()\s]*\)[^()\s>]*)*)>?(?:\s+"[^"\n]*")?\s*\)/gu;
const BARE_URL = /\b(?:https?|ftp):\/\/[^\s<>"'`\])}]+|\bwww\.[^\s<>"'`\])}]+/giu;
const TRAILING_PUNCTUATION = /[.,;:!?*_~]+$/u;

/**
 * The links in `text`: markdown links (not images) and bare `http(s)://` / `www.` URLs outside them, sorted by
 * position.
 *
 * @example
 * ```ts
 * findLinks('See [the report](https://example.org/r) and https://doi.org/10.1/x.');
 * // [{ url: 'https://example.org/r', index: 4, kind: 'markdown' }, { url: 'https://doi.org/10.1/x', index: 44, kind: 'bare' }]
 * ```
 */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  const covered: [number, number][] = [];
  for (const match of text.matchAll(MARKDOWN_LINK)) {
    covered.push([match.index, match.index + match[0].length]);
    if (match[1] === '!') continue;
    links.push({ url: match[3]!, index: match.index, kind: 'markdown' });
  }
  for (const match of text.matchAll(BARE_URL)) {
    if (covered.some(([start, end]) => match.index >= start && match.index < end)) continue;
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    links.push({ url, index: match.index, kind: 'bare' });
  }
  return links.sort((a, b) => a.index - b.index);
}
