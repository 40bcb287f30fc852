import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../core/errors.js';
import { mergeSpans, stripSpans } from './redaction.js';

describe('stripSpans', () => {
  it('replaces a span with its label', () => {
    expect(stripSpans('mail me at ada@example.com', [{ start: 11, end: 26, label: 'email' }])).toBe(
      'mail me at [REDACTED:email]',
    );
  });

  it('replaces several spans given in any order', () => {
    const text = 'a SECRET b EMAIL c';
    expect(
      stripSpans(text, [
        { start: 11, end: 16, label: 'email' },
        { start: 2, end: 8, label: 'aws_key' },
      ]),
    ).toBe('a [REDACTED:aws_key] b [REDACTED:email] c');
  });

  it('merges overlapping spans into one, listing their labels once each', () => {
    expect(
      stripSpans('0123456789', [
        { start: 1, end: 5, label: 'jwt' },
        { start: 3, end: 8, label: 'bearer_token' },
        { start: 4, end: 6, label: 'jwt' },
      ]),
    ).toBe('0[REDACTED:bearer_token,jwt]89');
  });

  it('keeps spans that only touch apart', () => {
    expect(
      stripSpans('abcdef', [
        { start: 0, end: 3, label: 'x' },
        { start: 3, end: 6, label: 'y' },
      ]),
    ).toBe('[REDACTED:x][REDACTED:y]');
  });

  it('clamps spans to the text and drops empty ones', () => {
    expect(
      stripSpans('abc', [
        { start: -4, end: 1, label: 'x' },
        { start: 2, end: 99, label: 'y' },
        { start: 1, end: 1, label: 'z' },
      ]),
    ).toBe('[REDACTED:x]b[REDACTED:y]');
  });

  it('returns the text unchanged without spans', () => {
    expect(stripSpans('nothing here', [])).toBe('nothing here');
  });

  it('refuses offsets that are not whole numbers', () => {
    expect(() => stripSpans('abc', [{ start: 0.5, end: 2, label: 'x' }])).toThrow(InvalidArgumentError);
  });

  const spanArbitrary = (length: number) =>
    fc
      .tuple(
        fc.integer({ min: 0, max: length }),
        fc.integer({ min: 0, max: length }),
        fc.constantFrom('a', 'b'),
      )
      .map(([x, y, label]) => ({ start: Math.min(x, y), end: Math.max(x, y), label }));

  it('leaves every character outside the spans in place, in order, and none inside (property)', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: fc.constantFrom('x', 'y', 'z', ' '), maxLength: 40 })
          .chain((text) =>
            fc.tuple(fc.constant(text), fc.array(spanArbitrary(text.length), { maxLength: 6 })),
          ),
        ([text, spans]) => {
          const merged = mergeSpans(spans, text.length);
          // Merged spans are sorted and disjoint.
          merged.forEach((span, index) => {
            expect(span.start).toBeLessThan(span.end);
            if (index > 0) expect(span.start).toBeGreaterThanOrEqual(merged[index - 1]!.end);
          });
          const covered = (offset: number) => spans.some((span) => span.start <= offset && offset < span.end);
          const kept = Array.from(text)
            .filter((_, offset) => !covered(offset))
            .join('');
          const stripped = stripSpans(text, spans);
          expect(stripped.replace(/\[REDACTED:[a-z,]+\]/g, '')).toBe(kept);
          expect((stripped.match(/\[REDACTED:/g) ?? []).length).toBe(merged.length);
        },
      ),
    );
  });
});
