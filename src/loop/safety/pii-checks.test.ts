import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cardBrand, isPlausibleSsn, isValidIban, passesLuhn } from './pii-checks.js';

const DIGITS = Array.from({ length: 10 }, (_, digit) => String(digit));

/** The digit that completes a Luhn-valid number. */
function luhnCheckDigit(body: string): string {
  for (let digit = 0; digit <= 9; digit++) if (passesLuhn(`${body}${digit}`)) return String(digit);
  throw new Error('unreachable');
}

describe('passesLuhn', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '79927398713'])(
    'accepts %s',
    (digits) => expect(passesLuhn(digits)).toBe(true),
  );

  it.each(['4111111111111112', '79927398710', '12a4', ''])('refuses "%s"', (digits) => {
    expect(passesLuhn(digits)).toBe(false);
  });

  it('exactly one check digit completes any body, and changing one digit breaks it (property)', () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 18 })
          .map((digits) => digits.join('')),
        fc.nat(),
        fc.integer({ min: 1, max: 9 }),
        (body, position, shift) => {
          const number = body + luhnCheckDigit(body);
          expect(DIGITS.filter((digit) => passesLuhn(body + digit))).toHaveLength(1);
          const index = position % number.length;
          const changed =
            number.slice(0, index) + String((Number(number[index]) + shift) % 10) + number.slice(index + 1);
          expect(passesLuhn(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('cardBrand', () => {
  it.each([
    ['4111111111111111', 'Visa'],
    ['4222222222222', 'Visa'],
    ['5555555555554444', 'Mastercard'],
    ['2223003122003222', 'Mastercard'],
    ['378282246310005', 'American Express'],
    ['6011111111111117', 'Discover'],
    ['30569309025904', 'Diners Club'],
    ['3530111333300000', 'JCB'],
    ['6200000000000005', 'UnionPay'],
  ])('%s is %s', (digits, brand) => expect(cardBrand(digits)).toBe(brand));

  it.each(['1234567812345670', '411111111111', '37828224631000', '9111111111111111'])(
    'has no brand for %s (prefix or length)',
    (digits) => expect(cardBrand(digits)).toBeUndefined(),
  );
});

describe('isValidIban', () => {
  it.each([
    'DE89370400440532013000',
    'GB82WEST12345698765432',
    'FR1420041010050500013M02606',
    'NL91ABNA0417164300',
    'BE68539007547034',
    'CH9300762011623852957',
  ])('accepts %s', (iban) => expect(isValidIban(iban)).toBe(true));

  it.each([
    ['a wrong check digit', 'DE89370400440532013001'],
    ['swapped digits', 'DE89370400440523013000'],
    ['a wrong length for the country', 'DE8937040044053201300'],
    ['lowercase', 'de89370400440532013000'],
    ['too short', 'DE89'],
  ])('refuses %s', (_, iban) => expect(isValidIban(iban)).toBe(false));
});

describe('isPlausibleSsn', () => {
  it.each([
    ['123456789', true],
    ['000123456', false],
    ['666123456', false],
    ['900123456', false],
    ['123006789', false],
    ['123450000', false],
    ['12345678', false],
  ])('%s → %s', (digits, expected) => expect(isPlausibleSsn(digits)).toBe(expected));
});
