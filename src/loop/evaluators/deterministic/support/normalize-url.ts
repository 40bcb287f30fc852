// URL comparison for citations: the same page written slightly differently is the same citation.

/**
 * A URL parsed for citation checks, or `undefined` when it is not a well-formed `http(s)` URL with a host that has a
 * dot (or is `localhost`). A leading `www.` is read as `https://www.`.
 *
 * @example
 * ```ts
 * parseWebUrl('https://Example.org/a#top')?.hostname; // 'example.org'
 * parseWebUrl('htp:/broken'); // undefined
 * ```
 */
export function parseWebUrl(url: string): URL | undefined {
  const withScheme = /^www\./iu.test(url) ? `https://${url}` : url;
  let parsed: URL;
  try {
    parsed = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
  const host = parsed.hostname;
  if (host !== 'localhost' && (!host.includes('.') || host.startsWith('.') || host.endsWith('.')))
    return undefined;
  return parsed;
}

/**
 * A key under which two spellings of the same page compare equal: no scheme, host lower-cased without `www.`, no
 * fragment, no trailing slash. `undefined` for a malformed URL.
 *
 * @example
 * ```ts
 * urlKey('https://www.example.org/report/#s2'); // 'example.org/report'
 * urlKey('http://example.org/report'); // 'example.org/report'
 * ```
 */
export function urlKey(url: string): string | undefined {
  // The same few URLs (those of the task's sources) come back in output after output.
  let key = urlKeys.get(url);
  if (key === undefined) {
    key = computeUrlKey(url) ?? null;
    if (urlKeys.size >= URL_KEYS_CAPACITY) urlKeys.clear();
    urlKeys.set(url, key);
  }
  return key ?? undefined;
}

const urlKeys = new Map<string, string | null>();
const URL_KEYS_CAPACITY = 4096;

function computeUrlKey(url: string): string | undefined {
  const parsed = parseWebUrl(url);
  if (parsed === undefined) return undefined;
  const host = parsed.hostname.replace(/^www\./u, '');
  const path = parsed.pathname.replace(/\/+$/u, '');
  return `${host}${parsed.port === '' ? '' : `:${parsed.port}`}${path}${parsed.search}`;
}

/**
 * Whether `hostname` is `domain` or one of its subdomains (`docs.example.org` is in `example.org`).
 *
 * @example
 * ```ts
 * hostInDomain('docs.example.org', 'example.org'); // true
 * hostInDomain('badexample.org', 'example.org'); // false
 * ```
 */
export function hostInDomain(hostname: string, domain: string): boolean {
  const host = hostname.toLowerCase().replace(/^www\./u, '');
  const wanted = domain
    .toLowerCase()
    .trim()
    .replace(/^\*?\./u, '')
    .replace(/^www\./u, '');
  return wanted !== '' && (host === wanted || host.endsWith(`.${wanted}`));
}
