// The kinds of personal data `pii_detect` finds, each with how sure a match is.
import { parseIpv4 } from './ip-address.js';
import { cardBrand, isPlausibleSsn, isValidIban, passesLuhn } from './pii-checks.js';

/** The categories `categories` may list (each is also the label of its spans). */
export const PII_CATEGORIES = ['email', 'credit_card', 'iban', 'ssn', 'phone', 'ip_address'] as const;

export type PiiCategory = (typeof PII_CATEGORIES)[number];

/** A piece of personal data found in a text. */
export interface PiiMatch {
  category: PiiCategory;
  start: number;
  end: number;
  /** How sure the match is, on [0, 1] (compared with `min_confidence`). */
  confidence: number;
  /** What it is, in words: `an email address`, `a Visa card number`. */
  description: string;
}

/** How far before a number (in characters) a word that names it (`SSN`, `phone`) is looked for. */
const KEYWORD_DISTANCE = 40;

function precededBy(text: string, start: number, words: RegExp): boolean {
  return words.test(text.slice(Math.max(0, start - KEYWORD_DISTANCE), start));
}

const digitsOf = (value: string): string => value.replace(/\D/g, '');

type Finder = (text: string) => Omit<PiiMatch, 'category'>[];

const EMAIL =
  /(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])/g;
const CARD = /(?<![\d-])\d(?:[ -]?\d){11,18}(?![\d-])/g;
const IBAN = /(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?(?![A-Za-z0-9])/g;
const SSN_DASHED = /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g;
const SSN_PLAIN = /(?<![\d-])\d{3} ?\d{2} ?\d{4}(?![\d-])/g;
const SSN_WORDS = /\b(?:ssn|social security(?: number| no\.?)?|ss#)\W{0,20}$/i;
const PHONE_INTERNATIONAL = /(?<![\w+])\+[1-9]\d{0,2}(?:[ .-]?(?:\(\d{1,4}\)|\d{1,5})){1,6}(?![\d-])/g;
const PHONE_NORTH_AMERICAN = /(?<![\w+-])(?:\([2-9]\d{2}\) ?|[2-9]\d{2}[ .-])\d{3}[ .-]\d{4}(?![\d-])/g;
const PHONE_NATIONAL = /(?<![\w+.-])0\d{1,4}(?:[ .-]\d{2,4}){2,4}(?![\d.-])/g;
const PHONE_WORDS = /\b(?:phone|tel|telephone|mobile|cell|call|fax|whatsapp)\b\W{0,20}$/i;
const IPV4 = /(?<![\w.])(?:\d{1,3}\.){3}\d{1,3}(?![\w]|\.\d)/g;

function* allMatches(
  expression: RegExp,
  text: string,
): Generator<{ value: string; start: number; end: number }> {
  for (const match of text.matchAll(expression)) {
    yield { value: match[0], start: match.index, end: match.index + match[0].length };
  }
}

const FINDERS: Readonly<Record<PiiCategory, Finder>> = {
  email: (text) =>
    [...allMatches(EMAIL, text)].map((match) => ({
      ...match,
      confidence: 0.95,
      description: 'an email address',
    })),
  credit_card: (text) =>
    [...allMatches(CARD, text)].flatMap((match) => {
      const digits = digitsOf(match.value);
      const brand = cardBrand(digits);
      if (brand === undefined || !passesLuhn(digits)) return [];
      return [{ ...match, confidence: 0.95, description: `a ${brand} card number` }];
    }),
  iban: (text) =>
    [...allMatches(IBAN, text)]
      .filter((match) => isValidIban(match.value.replace(/ /g, '')))
      .map((match) => ({ ...match, confidence: 0.95, description: 'an IBAN' })),
  ssn: (text) => [
    ...[...allMatches(SSN_DASHED, text)]
      .filter((match) => isPlausibleSsn(digitsOf(match.value)))
      .map((match) => ({
        ...match,
        confidence: precededBy(text, match.start, SSN_WORDS) ? 0.99 : 0.9,
        description: 'a US social security number',
      })),
    // Without dashes, nine digits are only an SSN when a word names them.
    ...[...allMatches(SSN_PLAIN, text)]
      .filter((match) => isPlausibleSsn(digitsOf(match.value)) && precededBy(text, match.start, SSN_WORDS))
      .map((match) => ({ ...match, confidence: 0.9, description: 'a US social security number' })),
  ],
  phone: (text) =>
    [
      ...[...allMatches(PHONE_INTERNATIONAL, text)]
        .filter((match) => digitsOf(match.value).length >= 8 && digitsOf(match.value).length <= 15)
        .map((match) => ({ ...match, confidence: 0.9 })),
      ...[...allMatches(PHONE_NORTH_AMERICAN, text)].map((match) => ({ ...match, confidence: 0.85 })),
      ...[...allMatches(PHONE_NATIONAL, text)]
        .filter((match) => digitsOf(match.value).length >= 9 && digitsOf(match.value).length <= 11)
        .map((match) => ({ ...match, confidence: 0.85 })),
    ].map((match) => ({
      ...match,
      confidence: Math.min(0.99, match.confidence + (precededBy(text, match.start, PHONE_WORDS) ? 0.05 : 0)),
      description: 'a phone number',
    })),
  ip_address: (text) =>
    [...allMatches(IPV4, text)]
      .filter((match) => parseIpv4(match.value) !== undefined)
      .map((match) => ({ ...match, confidence: 0.9, description: 'an IPv4 address' })),
};

/**
 * The personal data of the given categories in a text, in the order of the text. Categories are searched in the
 * order of {@link PII_CATEGORIES} and a match never overlaps an earlier one (a card number is not also a phone
 * number).
 *
 * Confidence: 0.95 for emails, Luhn-valid card numbers of a known brand and mod-97-valid IBANs; 0.9 for SSNs written
 * `123-45-6789` (0.99 after a word such as `SSN`; nine digits without dashes count only after such a word), for
 * international phone numbers (`+` and 8–15 digits) and IPv4 addresses; 0.85 for national phone numbers
 * (`(555) 123-4567`, `020 7946 0958`); phone numbers after a word such as `phone` or `tel` gain 0.05.
 *
 * @example
 * ```ts
 * findPii('write to ada@example.com', ['email']); // [{ category: 'email', start: 9, end: 24, confidence: 0.95, … }]
 * ```
 */
export function findPii(text: string, categories: readonly PiiCategory[]): PiiMatch[] {
  const found: PiiMatch[] = [];
  for (const category of PII_CATEGORIES) {
    if (!categories.includes(category)) continue;
    for (const match of FINDERS[category](text)) {
      if (found.some((other) => other.start < match.end && match.start < other.end)) continue;
      const { start, end, confidence, description } = match;
      found.push({ category, start, end, confidence, description });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
