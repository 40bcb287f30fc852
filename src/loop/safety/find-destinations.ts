// Network destinations written in a text: URLs, `www.` addresses, bare IP addresses and well-known local names.

/** A destination found in a text. */
export interface Destination {
  /**
   * Lowercase host name, or an IP address (IPv6 in brackets), as a URL parser normalizes it (`0x7f.1` is
   * `127.0.0.1`).
   */
  host: string;
  start: number;
  end: number;
  /**
   * `url`: a URL or `www.` address, or a whole value that names a host; `bare`: an IP address or local name in
   * running text (checked for private and metadata addresses, not against an allowlist, since `1.2.3.4` may be a
   * version number).
   */
  kind: 'url' | 'bare';
}

const URL_PATTERN = /\b[a-z][a-z0-9+.-]{1,15}:\/\/[^\s<>"'`]+|(?<![\w/.@-])www\.[^\s<>"'`]+/gi;
const BARE_HOST_PATTERN =
  /(?<![\w.:/@-])(?:(?:\d{1,3}\.){3}\d{1,3}|\[[0-9a-f:.]+\]|localhost|metadata\.google\.internal)(?::\d{1,5})?(?![\w-]|\.\d)/gi;

/** Drops what ends a sentence rather than a URL: trailing punctuation and closing brackets without an opening one. */
function trimUrl(url: string): string {
  let result = url.replace(/[.,;:!?'"*]+$/, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
    ['{', '}'],
  ] as const) {
    while (result.endsWith(close) && result.split(close).length > result.split(open).length) {
      result = result.slice(0, -1).replace(/[.,;:!?'"*]+$/, '');
    }
  }
  return result;
}

/**
 * The host of a URL or host name (`https://A.example/x`, `a.example:8080`, `10.0.0.1`), normalized by the WHATWG URL
 * parser; `undefined` when it has none.
 *
 * @example
 * ```ts
 * hostOf('http://0x7f.1/admin'); // '127.0.0.1'
 * hostOf('Arxiv.org/abs/1234'); // 'arxiv.org'
 * ```
 */
export function hostOf(value: string): string | undefined {
  const trimmed = value.trim();
  if (trimmed === '' || /\s/.test(trimmed)) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.hostname === '') return undefined;
  // Non-special schemes (ssh://, s3://) keep the host as written: normalize it as an http URL would.
  if (!/^(?:https?|wss?|ftp):$/.test(url.protocol))
    return hostOf(`http://${url.host}`) ?? url.hostname.toLowerCase();
  return url.hostname.toLowerCase();
}

/**
 * The destinations in a text, in the order of the text.
 *
 * @example
 * ```ts
 * findDestinations('see https://arxiv.org/abs/1 or 10.0.0.5:8080');
 * // [{ host: 'arxiv.org', kind: 'url', … }, { host: '10.0.0.5', kind: 'bare', … }]
 * ```
 */
export function findDestinations(text: string): Destination[] {
  const found: Destination[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    const host = hostOf(url);
    if (host !== undefined)
      found.push({ host, start: match.index, end: match.index + url.length, kind: 'url' });
  }
  for (const match of text.matchAll(BARE_HOST_PATTERN)) {
    const start = match.index;
    if (found.some((other) => other.start <= start && start < other.end)) continue;
    const host = hostOf(match[0]);
    if (host !== undefined) found.push({ host, start, end: start + match[0].length, kind: 'bare' });
  }
  return found.sort((a, b) => a.start - b.start);
}
