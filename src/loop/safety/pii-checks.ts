// Check digits and formats that tell a real identifier from a run of digits: Luhn for payment cards, card brand
// prefixes and lengths, ISO 13616 mod-97 for IBANs, and the ranges the US never assigns to social security numbers.

/**
 * Whether the digits pass the Luhn check (payment cards, IMEI numbers).
 *
 * @example
 * ```ts
 * passesLuhn('4111111111111111'); // true
 * passesLuhn('4111111111111112'); // false
 * ```
 */
export function passesLuhn(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(digits.length - 1 - index) - 48;
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** Card brands by prefix range (inclusive, compared on the first digits) and allowed lengths. */
const CARD_BRANDS: readonly {
  name: string;
  prefixes: readonly [number, number][];
  lengths: readonly number[];
}[] = [
  { name: 'Visa', prefixes: [[4, 4]], lengths: [13, 16, 19] },
  {
    name: 'Mastercard',
    prefixes: [
      [51, 55],
      [2221, 2720],
    ],
    lengths: [16],
  },
  {
    name: 'American Express',
    prefixes: [
      [34, 34],
      [37, 37],
    ],
    lengths: [15],
  },
  {
    name: 'Discover',
    prefixes: [
      [6011, 6011],
      [644, 649],
      [65, 65],
    ],
    lengths: [16, 17, 18, 19],
  },
  {
    name: 'Diners Club',
    prefixes: [
      [300, 305],
      [36, 36],
      [38, 39],
    ],
    lengths: [14, 15, 16, 17, 18, 19],
  },
  { name: 'JCB', prefixes: [[3528, 3589]], lengths: [16, 17, 18, 19] },
  { name: 'UnionPay', prefixes: [[62, 62]], lengths: [16, 17, 18, 19] },
];

/**
 * The brand of a card number when its prefix and length fit one, else `undefined` (the Luhn check is separate).
 *
 * @example
 * ```ts
 * cardBrand('378282246310005'); // 'American Express'
 * ```
 */
export function cardBrand(digits: string): string | undefined {
  for (const brand of CARD_BRANDS) {
    if (!brand.lengths.includes(digits.length)) continue;
    const fits = brand.prefixes.some(([low, high]) => {
      const prefix = Number(digits.slice(0, String(low).length));
      return prefix >= low && prefix <= high;
    });
    if (fits) return brand.name;
  }
  return undefined;
}

/** IBAN lengths of common countries (others are accepted at any length from 15 to 34). */
// prettier-ignore
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AT: 20, BE: 16, BG: 22, BH: 22, CH: 21, CY: 28, CZ: 24, DE: 22, DK: 18, EE: 20, ES: 24, FI: 18,
  FR: 27, GB: 22, GI: 23, GR: 27, HR: 21, HU: 28, IE: 22, IS: 26, IT: 27, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27,
  MT: 31, NL: 18, NO: 15, PL: 28, PT: 25, RO: 24, SA: 24, SE: 24, SI: 19, SK: 24, SM: 27, TR: 26,
};

/**
 * Whether a compact IBAN (no spaces) has a valid shape, a length that fits its country when known, and check digits
 * that pass ISO 13616 mod-97 (the number with its first four characters moved to the end, letters as 10–35, leaves
 * remainder 1 when divided by 97).
 *
 * @example
 * ```ts
 * isValidIban('DE89370400440532013000'); // true
 * isValidIban('DE89370400440532013001'); // false
 * ```
 */
export function isValidIban(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const code = character.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : character;
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/**
 * Whether nine digits can be a US social security number: area not 000, 666 or 900–999, group not 00, serial not
 * 0000.
 *
 * @example
 * ```ts
 * isPlausibleSsn('123456789'); // true
 * isPlausibleSsn('666123456'); // false
 * ```
 */
export function isPlausibleSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  return (
    area !== 0 && area !== 666 && area < 900 && digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000'
  );
}
