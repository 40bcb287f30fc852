// IP addresses as bytes: parsing IPv4 and IPv6 literals, CIDR ranges, and the ranges egress checks care about.

/** An IP address as its bytes (4 for IPv4, 16 for IPv6). */
export interface IpAddress {
  version: 4 | 6;
  bytes: readonly number[];
}

/**
 * A dotted-decimal IPv4 address (`192.168.0.1`), or `undefined`. Parts are 0–255 without leading zeros (so that
 * `010.1.1.1`, which some parsers read as octal, is not guessed at).
 *
 * @example
 * ```ts
 * parseIpv4('10.0.0.1'); // { version: 4, bytes: [10, 0, 0, 1] }
 * ```
 */
export function parseIpv4(text: string): IpAddress | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes: number[] = [];
  for (const part of parts) {
    if (!/^(?:0|[1-9]\d{0,2})$/.test(part)) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    bytes.push(value);
  }
  return { version: 4, bytes };
}

/**
 * An IPv6 address (`::1`, `fd00:ec2::254`, `::ffff:10.0.0.1`, in brackets or not, with or without a zone such as
 * `%eth0`), or `undefined`.
 *
 * @example
 * ```ts
 * parseIpv6('[::1]')?.bytes.at(-1); // 1
 * ```
 */
export function parseIpv6(text: string): IpAddress | undefined {
  let body = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  body = body.replace(/%[\w.-]+$/, '');
  if (!/^[0-9a-fA-F:.]+$/.test(body) || body.split('::').length > 2) return undefined;
  let tail: number[] = [];
  if (body.includes('.')) {
    // An IPv4 address in the last 32 bits: `::ffff:10.0.0.1`.
    const lastColon = body.lastIndexOf(':');
    const ipv4 = parseIpv4(body.slice(lastColon + 1));
    if (ipv4 === undefined) return undefined;
    tail = [...ipv4.bytes];
    body = body.slice(0, lastColon + 1);
    if (!body.endsWith('::')) body = body.slice(0, -1);
  }
  const halves = body.split('::');
  const groupsOf = (half: string): string[] => (half === '' ? [] : half.split(':'));
  const head = groupsOf(halves[0]!);
  const rest = halves.length === 2 ? groupsOf(halves[1]!) : [];
  const missing = (16 - tail.length) / 2 - head.length - rest.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  const bytes: number[] = [];
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    const value = parseInt(group, 16);
    bytes.push(value >> 8, value & 0xff);
  }
  return { version: 6, bytes: [...bytes, ...tail] };
}

/**
 * An IPv4 or IPv6 literal, or `undefined`.
 *
 * @example
 * ```ts
 * parseIpAddress('169.254.169.254')?.version; // 4
 * ```
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

/** A CIDR range: an address and how many leading bits must match. */
export interface IpRange {
  address: IpAddress;
  prefixLength: number;
}

/**
 * A CIDR range (`10.0.0.0/8`, `fc00::/7`); a bare address is a range of one.
 *
 * @example
 * ```ts
 * parseIpRange('172.16.0.0/12')?.prefixLength; // 12
 * ```
 */
export function parseIpRange(text: string): IpRange | undefined {
  const [addressText, prefixText, ...extra] = text.trim().split('/');
  if (addressText === undefined || extra.length > 0) return undefined;
  const address = parseIpAddress(addressText);
  if (address === undefined) return undefined;
  const bits = address.bytes.length * 8;
  if (prefixText === undefined) return { address, prefixLength: bits };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  return { address, prefixLength: Number(prefixText) };
}

/**
 * Whether the address is in the range (an IPv4-mapped IPv6 address `::ffff:a.b.c.d` counts as its IPv4 address).
 *
 * @example
 * ```ts
 * isInRange(parseIpAddress('10.1.2.3')!, parseIpRange('10.0.0.0/8')!); // true
 * ```
 */
export function isInRange(address: IpAddress, range: IpRange): boolean {
  const candidate = unmapIpv4(address);
  if (candidate.version !== range.address.version) return false;
  for (let bit = 0; bit < range.prefixLength; bit++) {
    const byte = bit >> 3;
    const mask = 0x80 >> (bit & 7);
    if ((candidate.bytes[byte]! & mask) !== (range.address.bytes[byte]! & mask)) return false;
  }
  return true;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address, else the address itself. */
function unmapIpv4(address: IpAddress): IpAddress {
  const mapped =
    address.version === 6 &&
    address.bytes.slice(0, 10).every((byte) => byte === 0) &&
    address.bytes[10] === 0xff &&
    address.bytes[11] === 0xff;
  return mapped ? { version: 4, bytes: address.bytes.slice(12) } : address;
}

const ranges = (list: readonly string[]): IpRange[] => list.map((text) => parseIpRange(text)!);

/**
 * Private and local ranges: RFC 1918 (`10/8`, `172.16/12`, `192.168/16`), loopback (`127/8`, `::1`), unique local
 * IPv6 (`fc00::/7`), and also link-local (`169.254/16`, `fe80::/10`) and the unspecified addresses (`0.0.0.0/8`,
 * `::`), which reach the local host or network as well.
 */
export const PRIVATE_IP_RANGES: readonly IpRange[] = ranges([
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '0.0.0.0/8',
  '::1/128',
  '::/128',
  'fc00::/7',
  'fe80::/10',
]);

/** Cloud metadata services: AWS, Azure, GCP and others (`169.254.169.254`), AWS ECS, AWS IPv6, Alibaba Cloud. */
export const METADATA_IP_ADDRESSES: readonly IpRange[] = ranges([
  '169.254.169.254',
  '169.254.170.2',
  'fd00:ec2::254',
  '100.100.100.200',
]);

/**
 * Whether the address is private or local (see {@link PRIVATE_IP_RANGES}).
 *
 * @example
 * ```ts
 * isPrivateIpAddress(parseIpAddress('192.168.1.10')!); // true
 * ```
 */
export function isPrivateIpAddress(address: IpAddress): boolean {
  return PRIVATE_IP_RANGES.some((range) => isInRange(address, range));
}

/**
 * Whether the address is a cloud metadata endpoint (see {@link METADATA_IP_ADDRESSES}).
 *
 * @example
 * ```ts
 * isMetadataIpAddress(parseIpAddress('169.254.169.254')!); // true
 * ```
 */
export function isMetadataIpAddress(address: IpAddress): boolean {
  return METADATA_IP_ADDRESSES.some((range) => isInRange(address, range));
}
