// Citations in worker text: links, bare URLs and bracketed source ids such as `[S1]`, resolved against task sources.
import type { TaskSource } from '../../../tasks/loop-task.js';
import { findLinks } from './find-links.js';
import { urlKey } from './normalize-url.js';

/** One citation as written in the text. */
export interface Citation {
  /**
   * What the citation points to; two citations of the same thing share it: `source:S1` for a task source (by id or
   * by its URL), `url:example.org/page` for another well-formed URL, `unknown:S9` for an id no source has,
   * `malformed:htp:/x` for a link that is not a web URL.
   */
  key: string;
  kind: 'source' | 'url' | 'unknown_source' | 'malformed_url';
  /** The task source cited, when it resolves to one. */
  sourceId: string | undefined;
  /** The citation as written: `S1` or the URL. */
  text: string;
  index: number;
}

const BRACKETS = /\[([^[\]\n]{1,120})\](?!\()/gu;
const LEAD_WORDS = /^(?:sources?|src|refs?|references?|see|cf\.?)\s*:?\s*/iu;
const ID_LIKE = /^[A-Za-z]{1,6}[-_]?\d{1,4}$/u;
const NUMBER = /^\d{1,4}$/u;

/**
 * Every citation in `text`, in order: markdown links and bare URLs (a URL of a task source resolves to that source),
 * and bracketed ids (`[S1]`, `[S1, S2]`, `[Source: S3]`) that name a task source (case-insensitive). A bracketed
 * token shaped like an id (`S9`, `src-12`; plain numbers when some source id is a number) that no source has is an
 * `unknown_source` citation; other bracketed text (`[x]`, `[0, 1]`) is not a citation.
 *
 * @example
 * ```ts
 * findCitations('Pilots in 2027 [S1]; see https://example.org/a and [S9].', [{ id: 'S1', … }]);
 * // kinds: ['source', 'url', 'unknown_source']
 * ```
 */
export function findCitations(text: string, sources: readonly TaskSource[]): Citation[] {
  // A grader and a judge often read the same output in turn: the last answer is kept (and handed out as copies).
  if (text !== last.text || sources !== last.sources) {
    last = { text, sources, citations: searchCitations(text, sources) };
  }
  return last.citations.map((citation) => ({ ...citation }));
}

let last: { text: string; sources: readonly TaskSource[]; citations: readonly Citation[] } = {
  text: '',
  sources: [],
  citations: [],
};

function searchCitations(text: string, sources: readonly TaskSource[]): Citation[] {
  const { byUrl, byId, numericIds } = sourceIndexOf(sources);
  const citations: Citation[] = [];
  for (const link of findLinks(text)) {
    const key = urlKey(link.url);
    const sourceId = key === undefined ? undefined : byUrl.get(key);
    if (key === undefined) {
      citations.push({
        key: `malformed:${link.url}`,
        kind: 'malformed_url',
        sourceId,
        text: link.url,
        index: link.index,
      });
    } else if (sourceId !== undefined) {
      citations.push({
        key: `source:${sourceId}`,
        kind: 'source',
        sourceId,
        text: link.url,
        index: link.index,
      });
    } else {
      citations.push({ key: `url:${key}`, kind: 'url', sourceId, text: link.url, index: link.index });
    }
  }
  for (const match of text.matchAll(BRACKETS)) {
    for (const part of match[1]!.split(/[,;]/u)) {
      const token = part.trim().replace(LEAD_WORDS, '').trim();
      const sourceId = byId.get(token.toLowerCase());
      if (sourceId !== undefined) {
        citations.push({
          key: `source:${sourceId}`,
          kind: 'source',
          sourceId,
          text: token,
          index: match.index,
        });
      } else if (ID_LIKE.test(token) || (numericIds && NUMBER.test(token))) {
        citations.push({
          key: `unknown:${token}`,
          kind: 'unknown_source',
          sourceId,
          text: token,
          index: match.index,
        });
      }
    }
  }
  return citations.sort((a, b) => a.index - b.index);
}

/** How citations resolve against a list of sources. */
interface SourceIndex {
  /** URL key → source id (the first source with that URL). */
  byUrl: ReadonlyMap<string, string>;
  /** Lower-cased id → source id. */
  byId: ReadonlyMap<string, string>;
  /** Whether some source id is a plain number (then bracketed numbers are citations). */
  numericIds: boolean;
}

/** Indexes of source lists: task material is read-only and the same list comes back at every call. */
const sourceIndexes = new WeakMap<readonly TaskSource[], SourceIndex>();

function sourceIndexOf(sources: readonly TaskSource[]): SourceIndex {
  let index = sourceIndexes.get(sources);
  if (index === undefined) {
    const byUrl = new Map<string, string>();
    const byId = new Map<string, string>();
    for (const source of sources) {
      byId.set(source.id.toLowerCase(), source.id);
      const key = source.url === undefined ? undefined : urlKey(source.url);
      if (key !== undefined && !byUrl.has(key)) byUrl.set(key, source.id);
    }
    index = { byUrl, byId, numericIds: sources.some((source) => NUMBER.test(source.id)) };
    sourceIndexes.set(sources, index);
  }
  return index;
}

/**
 * The first citation of each distinct key, sorted by key.
 *
 * @example
 * ```ts
 * distinctCitations(findCitations('[S1] … [S1] … https://s1.example.org', sources)).length; // 1
 * ```
 */
export function distinctCitations(citations: readonly Citation[]): Citation[] {
  const seen = new Map<string, Citation>();
  for (const citation of citations) if (!seen.has(citation.key)) seen.set(citation.key, citation);
  return [...seen.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}
