import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonlLineSplitter, type JsonlLine } from './jsonl-line-splitter.js';

function splitAll(bytes: Buffer, cuts: readonly number[]): JsonlLine[] {
  const splitter = new JsonlLineSplitter();
  const lines: JsonlLine[] = [];
  let start = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    lines.push(...splitter.push(bytes.subarray(start, cut)));
    start = cut;
  }
  lines.push(...splitter.push(bytes.subarray(start)), ...splitter.end());
  return lines;
}

describe('JsonlLineSplitter', () => {
  it('keeps line numbers (blank lines counted, not yielded), byte offsets, CRLF and a last line without newline', () => {
    const bytes = Buffer.from('{"a":1}\r\n\n  \n{"é":2}\n{"c":3}');
    const lines = splitAll(bytes, []);
    expect(lines.map((line) => [line.text, line.lineNumber, line.byteOffset])).toEqual([
      ['{"a":1}', 1, 0],
      ['{"é":2}', 4, 13],
      ['{"c":3}', 5, 22],
    ]);
    expect(bytes.subarray(13, 13 + lines[1]!.byteLength).toString()).toBe('{"é":2}');
  });

  it('gives the same lines wherever the chunks are cut (property)', () => {
    const text = fc.array(
      fc.string({ unit: 'grapheme' }).map((s) => s.replaceAll('\n', ' ')),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(text, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), (lines, trailing, rawCuts) => {
        const bytes = Buffer.from(lines.join('\n') + (trailing ? '\n' : ''));
        const cuts = rawCuts.map((cut) => cut % (bytes.length + 1));
        const whole = splitAll(bytes, []);
        expect(splitAll(bytes, cuts)).toEqual(whole);
        for (const line of whole) {
          const raw = bytes.subarray(line.byteOffset, line.byteOffset + line.byteLength).toString();
          expect(raw.replace(/\r$/, '')).toBe(line.text);
        }
        expect(whole.map((line) => line.text)).toEqual(
          lines.map((line) => line.replace(/\r$/, '')).filter((line) => line.trim() !== ''),
        );
      }),
    );
  });
});
