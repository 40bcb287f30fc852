// Whether a cited URL is allowed: it is a task source, or its host is in an allowed domain.
import type { LoopTask } from '../../../tasks/loop-task.js';
import { hostInDomain, parseWebUrl, urlKey } from './normalize-url.js';

/** How a cited URL fares: `ok`, not a web URL, or outside the task's sources and allowed domains. */
export type CitedUrlStatus = 'ok' | 'malformed' | 'unknown';

/**
 * The status of a cited URL. A URL of a task source is `ok`; another well-formed URL is `ok` when its host is in
 * `allowedDomains`, or when the task has no sources with URLs and no domains are listed (nothing to check against).
 *
 * @example
 * ```ts
 * checkCitedUrl('https://doi.org/10.1/x', task, ['doi.org']); // 'ok'
 * checkCitedUrl('htps:/x', task, []); // 'malformed'
 * ```
 */
export function checkCitedUrl(
  url: string,
  task: LoopTask,
  allowedDomains: readonly string[],
): CitedUrlStatus {
  const parsed = parseWebUrl(url);
  if (parsed === undefined) return 'malformed';
  const key = urlKey(url);
  const sourceKeys = task.material.sources.flatMap((source) =>
    source.url === undefined ? [] : [urlKey(source.url) ?? source.url],
  );
  if (sourceKeys.includes(key ?? url)) return 'ok';
  if (allowedDomains.some((domain) => hostInDomain(parsed.hostname, domain))) return 'ok';
  return sourceKeys.length === 0 && allowedDomains.length === 0 ? 'ok' : 'unknown';
}
