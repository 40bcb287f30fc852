import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSpecText } from './parse-spec.js';

describe('parseSpecText', () => {
  it('keeps the position of every node and key', () => {
    const spec = parseSpecText('loop_name: demo\nworkers:\n  - id: writer\n    depends_on: [a, b]\n', {
      file: 'demo.yaml',
    });
    expect(spec.problems).toEqual([]);
    expect(spec.value).toEqual({ loop_name: 'demo', workers: [{ id: 'writer', depends_on: ['a', 'b'] }] });
    expect(spec.sourceMap.locate(['workers', 0, 'id'])).toEqual({ line: 3, column: 9 });
    expect(spec.sourceMap.locateKey(['workers', 0, 'id'])).toEqual({ line: 3, column: 5 });
    expect(spec.sourceMap.locate(['workers', 0, 'depends_on', 1])).toEqual({ line: 4, column: 21 });
    // A path below a known node falls back to its closest ancestor.
    expect(spec.sourceMap.locate(['workers', 0, 'missing'])).toEqual({ line: 3, column: 5 });
  });

  it('reports duplicate keys and tabs with their positions, as YAML 1.2 says', () => {
    const duplicate = parseSpecText('a: 1\nb: 2\na: 3\n', { file: 'd.yaml' });
    expect(duplicate.problems).toMatchObject([
      {
        severity: 'error',
        rule: 'yaml',
        line: 3,
        column: 1,
        file: 'd.yaml',
        fix: expect.stringContaining('once'),
      },
    ]);
    expect(duplicate.problems[0]!.message).toMatch(/unique/);
    const tab = parseSpecText('a:\n\tb: 1\n');
    expect(tab.problems[0]).toMatchObject({ line: 2, fix: expect.stringContaining('spaces') });
  });

  it('resolves anchors and aliases', () => {
    const spec = parseSpecText('base: &model {provider: openai, name: m}\nother: *model\n');
    expect(spec.value).toEqual({
      base: { provider: 'openai', name: 'm' },
      other: { provider: 'openai', name: 'm' },
    });
  });

  it('reads JSON with positions', () => {
    const spec = parseSpecText('{\n  "loop_name": "x",\n  "workers": [{"id": "w"}]\n}', { file: 'x.json' });
    expect(spec.format).toBe('json');
    expect(spec.value).toEqual({ loop_name: 'x', workers: [{ id: 'w' }] });
    expect(spec.sourceMap.locate(['workers', 0, 'id'])?.line).toBe(3);
  });

  it('reports a syntax error with its position instead of throwing', () => {
    const spec = parseSpecText('a: [1, 2\nb: 3\n');
    expect(spec.problems.length).toBeGreaterThan(0);
    expect(spec.problems[0]!.line).toBeGreaterThan(0);
    expect(spec.value).toBeUndefined();
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const spec = parseSpecText(text);
        expect(Array.isArray(spec.problems)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
