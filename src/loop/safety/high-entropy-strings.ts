// Long token-like strings whose characters look random: the secrets that no named pattern knows.
import { shannonEntropy } from './shannon-entropy.js';

/** Options of {@link findHighEntropyStrings}. */
export interface HighEntropyOptions {
  /** Bits per character a token must exceed. */
  threshold: number;
  /** Shortest token considered. */
  minLength: number;
}

/** The default threshold (bits per character), as the LSS examples write it. */
export const DEFAULT_ENTROPY_THRESHOLD = 4.5;
/** The default shortest token. At 4.5 bits a token needs 23 characters anyway (20 characters hold at most 4.32). */
export const DEFAULT_ENTROPY_MIN_LENGTH = 20;

/** A token: base64 and URL-safe base64 characters with padding. `.` splits, so host names and file names do not join. */
const TOKEN = /[A-Za-z0-9+/_-]+={0,2}/g;
/** Hexadecimal, with or without dashes: commit ids, checksums, UUIDs. */
const HEXADECIMAL = /^[0-9a-fA-F-]+$/;
/** Subresource-integrity hashes (`sha512-…` in lock files): public digests. */
const INTEGRITY_HASH = /^sha(?:1|256|384|512)-/;
/** Text just before a token that marks it as public data: a data URI, an SSH public key. */
const PUBLIC_DATA_BEFORE = /(?:;base64,|\bssh-(?:rsa|dss|ed25519) |\becdsa-sha2-nistp\d+ )$/;
/** PEM blocks other than private keys (certificates, public keys): their bodies are public. */
const PUBLIC_PEM_BLOCK = /-----BEGIN ((?:(?!PRIVATE)[A-Z0-9 ])+)-----[\s\S]*?-----END \1-----/g;

/**
 * Tokens of at least `minLength` characters whose Shannon entropy exceeds `threshold` bits per character and that
 * hold both letters and digits.
 *
 * What is left out, on purpose: hexadecimal strings (commit ids, checksums, UUIDs — their entropy is at most 4 bits
 * per character, below the usual thresholds, and skipping them keeps a lower threshold from flagging every hash in
 * code; a hexadecimal secret is still found by a named pattern or an assignment such as `api_key=…`), tokens made of
 * letters only (long identifiers and words), integrity hashes (`sha512-…`), data URIs, SSH public keys and the
 * bodies of PEM certificates and public keys. Capability URLs with random ids in their path are found: such URLs
 * are secrets of a kind.
 *
 * @example
 * ```ts
 * findHighEntropyStrings('token q8Vx2LmZ7tRw0pYk4NsB9dHc3JfE', { threshold: 4.5, minLength: 20 });
 * // [{ start: 6, end: 34, entropy: 4.8… }]
 * ```
 */
export function findHighEntropyStrings(
  text: string,
  options: HighEntropyOptions,
): { start: number; end: number; entropy: number }[] {
  const publicBlocks = [...text.matchAll(PUBLIC_PEM_BLOCK)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
  }));
  const found: { start: number; end: number; entropy: number }[] = [];
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    const start = match.index;
    const end = start + token.length;
    if (token.length < options.minLength) continue;
    if (HEXADECIMAL.test(token) || INTEGRITY_HASH.test(token)) continue;
    if (!/[A-Za-z]/.test(token) || !/\d/.test(token)) continue;
    if (PUBLIC_DATA_BEFORE.test(text.slice(Math.max(0, start - 24), start))) continue;
    if (publicBlocks.some((block) => block.start <= start && end <= block.end)) continue;
    const entropy = shannonEntropy(token);
    if (entropy > options.threshold) found.push({ start, end, entropy });
  }
  return found;
}
