import { describe, expect, it } from 'vitest';
import { makeCheck } from './__fixtures__/make-check.js';
import { createOutputBoundsDetector } from './output-bounds-detector.js';
import { stripSpans } from './redaction.js';

const detector = createOutputBoundsDetector();
const inspect = (text: string, config: Record<string, unknown>) =>
  detector.inspect(makeCheck('output_bounds', config, { text }));

describe('output_bounds', () => {
  it('passes an output within every bound', () => {
    const config = { max_chars: 100, min_chars: 5, max_words: 10, min_words: 2, max_lines: 3, min_lines: 1 };
    expect(inspect('two words\nand more\n', config)).toEqual([]);
  });

  it('reports too many words with the excess as span, so strip truncates', () => {
    const text = 'one two  three four';
    const [finding] = inspect(text, { max_words: 2 });
    expect(finding!.message).toBe('The output has 4 words; at most 2 are allowed (max_words).');
    expect(stripSpans(text, finding!.spans)).toBe('one two  [REDACTED:over_max_words]');
  });

  it('reports too many lines, a final newline not starting another line', () => {
    expect(inspect('a\nb\n', { max_lines: 2 })).toEqual([]);
    const [finding] = inspect('a\nb\nc\nd', { max_lines: 2 });
    expect(finding!.spans).toEqual([{ start: 4, end: 7, label: 'over_max_lines' }]);
  });

  it('reports too many characters', () => {
    expect(inspect('abcdef', { max_chars: 4 })[0]!.spans).toEqual([
      { start: 4, end: 6, label: 'over_max_chars' },
    ]);
  });

  it('reports outputs below a minimum, without spans', () => {
    expect(
      inspect('', { min_chars: 1, min_words: 1, min_lines: 1 }).map((finding) => finding.message),
    ).toEqual([
      'The output has 0 characters; at least 1 are needed (min_chars).',
      'The output has 0 words; at least 1 are needed (min_words).',
      'The output has 0 lines; at least 1 are needed (min_lines).',
    ]);
  });

  it('reports forbidden patterns, naming the pattern and not the text', () => {
    const text = 'TODO: fix\nLorem ipsum\ntodo later';
    const findings = inspect(text, { patterns: ['TODO', '(?i)lorem ipsum', '/todo/i', 'absent'] });
    expect(findings.map((finding) => finding.message)).toEqual([
      'The output matches forbidden pattern 1 (`TODO`) 1 time, first at line 1, column 1.',
      'The output matches forbidden pattern 2 (`(?i)lorem ipsum`) 1 time, first at line 2, column 1.',
      'The output matches forbidden pattern 3 (`/todo/i`) 2 times, first at line 1, column 1.',
    ]);
    expect(findings[2]!.spans.map((span) => text.slice(span.start, span.end))).toEqual(['TODO', 'todo']);
  });

  it('refuses an invalid pattern or limit as a config error', () => {
    expect(() => inspect('x', { patterns: ['('] })).toThrow(
      /config `patterns` has `\(`, which is not a valid regular expression/,
    );
    expect(() => inspect('x', { max_words: -1 })).toThrow(
      /max_words` must be a number \(a whole number\) of at least 0/,
    );
  });
});
