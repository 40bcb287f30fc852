import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { createPiiDetectDetector } from './pii-detect-detector.js';
import { SafetyConfigError } from './safety-config.js';

const detector = createPiiDetectDetector();
const scan = (text: string, config: Record<string, unknown> = {}) =>
  detector.inspect(makeCheck('pii_detect', config, { text }));
/** The labelled pieces of text the findings point at. */
const found = (text: string, config: Record<string, unknown> = {}) =>
  scan(text, config).flatMap((finding) =>
    finding.spans.map((span) => `${span.label}:${text.slice(span.start, span.end)}`),
  );

describe('pii_detect', () => {
  it.each([
    [
      'an email address',
      'Write to ada.lovelace+notes@example.co.uk today.',
      'email:ada.lovelace+notes@example.co.uk',
    ],
    ['a card number with spaces', 'card 4111 1111 1111 1111 exp 12/29', 'credit_card:4111 1111 1111 1111'],
    ['a card number with dashes', 'Amex 3782-822463-10005.', 'credit_card:3782-822463-10005'],
    ['an IBAN in groups', 'IBAN: DE89 3704 0044 0532 0130 00.', 'iban:DE89 3704 0044 0532 0130 00'],
    ['a compact IBAN', 'pay GB82WEST12345698765432 now', 'iban:GB82WEST12345698765432'],
    ['an SSN', 'SSN 123-45-6789', 'ssn:123-45-6789'],
    ['an SSN without dashes after the word', 'social security number: 123 45 6789', 'ssn:123 45 6789'],
    ['an international phone number', 'Call +44 20 7946 0958 or email.', 'phone:+44 20 7946 0958'],
    ['a phone number with an area code in brackets', 'tel: +1 (415) 555-0132', 'phone:+1 (415) 555-0132'],
    ['a North American phone number', 'reach me at (415) 555-0132', 'phone:(415) 555-0132'],
    ['a national phone number', 'Tél 01 23 45 67 89', 'phone:01 23 45 67 89'],
    ['an IPv4 address', 'client 203.0.113.7 connected', 'ip_address:203.0.113.7'],
  ])('finds %s', (_, text, expected) => {
    expect(found(text)).toEqual([expected]);
  });

  it.each([
    ['a card number that fails Luhn', 'order 4111 1111 1111 1112'],
    ['a long number without a card prefix', 'id 1700000000000000'],
    ['an IBAN that fails mod-97', 'DE89 3704 0044 0532 0130 01'],
    ['an impossible SSN', 'ref 666-12-3456'],
    ['nine digits without a word that names an SSN', 'invoice 123456789'],
    ['a date', 'on 2024-01-15 and 15.01.2024'],
    ['a version number', 'version 1.2.3 of node 20.11.1'],
    ['an address out of range', 'not an address: 300.1.2.3'],
    ['a short number with a plus', 'score +12 points'],
    ['an at sign without a domain', 'ping @ada or user@localhost'],
  ])('does not report %s', (_, text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports a card number once, not also as a phone number', () => {
    expect(found('4111-1111-1111-1111')).toEqual(['credit_card:4111-1111-1111-1111']);
  });

  it('looks only for the categories listed, and refuses unknown ones', () => {
    const text = 'ada@example.com 123-45-6789 203.0.113.7';
    expect(found(text, { categories: ['ssn'] })).toEqual(['ssn:123-45-6789']);
    expect(() => scan(text, { categories: ['emails'] })).toThrow(SafetyConfigError);
  });

  it('drops matches below min_confidence', () => {
    const text = 'ada@example.com or (415) 555-0132 or phone: (415) 555-0199';
    expect(found(text, { min_confidence: 0.9 })).toEqual(['email:ada@example.com', 'phone:(415) 555-0199']);
  });

  it('skips allowed values and IP ranges', () => {
    const text = 'support@example.com, ada@example.com, 10.1.2.3, 203.0.113.7';
    expect(found(text, { allow: ['SUPPORT@example.com'], allowed_ips: ['10.0.0.0/8'] })).toEqual([
      'email:ada@example.com',
      'ip_address:203.0.113.7',
    ]);
    expect(() => scan(text, { allowed_ips: ['10.0.0.0/33'] })).toThrow(/not an IP address or CIDR range/);
  });

  it('never repeats the value in a message', () => {
    const [finding] = scan('SSN 123-45-6789');
    expect(finding!.message).toBe(
      'Found a US social security number at line 1, column 5 (confidence 0.99; the value is not repeated here). Remove or mask it.',
    );
  });

  it('reads the string arguments of a tool call', () => {
    const findings = detector.inspect(
      makeCheck(
        'pii_detect',
        {},
        {
          scope: 'pre_worker',
          toolCall: { name: 'crm_update', arguments: { contact: { email: 'ada@example.com' } } },
        },
      ),
    );
    expect(findings.map((finding) => finding.message)).toEqual([
      'Found an email address in argument `contact.email` of tool call `crm_update` (confidence 0.95; the value is not repeated here). Remove or mask it.',
    ]);
  });

  it('runs the research loop config (categories and min_confidence)', () => {
    const config = { categories: ['email', 'phone', 'ssn', 'credit_card'], min_confidence: 0.85 };
    expect(found('Contact +1 415 555 0132, ada@example.com; server 10.0.0.1', config)).toEqual([
      'phone:+1 415 555 0132',
      'email:ada@example.com',
    ]);
  });
});
