// The `strip` action: the spans of findings replaced by `[REDACTED:<label>]`.
import { InvalidArgumentError } from '../../core/errors.js';
import type { FindingSpan } from './safety-detector.js';

/**
 * The spans after sorting and merging: overlapping spans become one whose label lists theirs (sorted, each once,
 * joined by `,`). Spans are clamped to the text; empty ones are dropped. Spans that only touch stay apart.
 *
 * @example
 * ```ts
 * mergeSpans([{ start: 0, end: 5, label: 'email' }, { start: 3, end: 8, label: 'jwt' }], 10);
 * // [{ start: 0, end: 8, label: 'email,jwt' }]
 * ```
 */
export function mergeSpans(spans: readonly FindingSpan[], textLength: number): FindingSpan[] {
  const clamped = spans
    .map((span) => {
      if (!Number.isInteger(span.start) || !Number.isInteger(span.end)) {
        throw new InvalidArgumentError(
          `A span must have whole-number offsets, got ${span.start}–${span.end} (${span.label}). ` +
            'Give offsets as indexes into the text.',
        );
      }
      return { ...span, start: Math.max(0, span.start), end: Math.min(textLength, span.end) };
    })
    .filter((span) => span.start < span.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number; labels: Set<string> }[] = [];
  for (const span of clamped) {
    const last = merged.at(-1);
    if (last !== undefined && span.start < last.end) {
      last.end = Math.max(last.end, span.end);
      last.labels.add(span.label);
    } else {
      merged.push({ start: span.start, end: span.end, labels: new Set([span.label]) });
    }
  }
  return merged.map((span) => ({
    start: span.start,
    end: span.end,
    label: [...span.labels].sort().join(','),
  }));
}

/**
 * The text with every span replaced by `[REDACTED:<label>]`, overlapping spans merged first (see
 * {@link mergeSpans}). Offsets are UTF-16 indexes, as `String.prototype.slice` takes them.
 *
 * @example
 * ```ts
 * stripSpans('mail me at ada@example.com', [{ start: 11, end: 26, label: 'email' }]);
 * // 'mail me at [REDACTED:email]'
 * ```
 */
export function stripSpans(text: string, spans: readonly FindingSpan[]): string {
  let result = '';
  let position = 0;
  for (const span of mergeSpans(spans, text.length)) {
    result += `${text.slice(position, span.start)}[REDACTED:${span.label}]`;
    position = span.end;
  }
  return result + text.slice(position);
}
