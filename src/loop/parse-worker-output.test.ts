import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractCodeBlocks, parseWorkerOutput } from './parse-worker-output.js';
import type { WorkerOutput } from './worker-output.js';

const declared = (format: WorkerOutput['format'], workerId = 'writer') => ({
  workerId,
  name: 'Notes',
  format,
});

describe('parseWorkerOutput', () => {
  it('reads each format: JSON bare or fenced, code blocks joined, text and markdown not empty', () => {
    const json = parseWorkerOutput(' {"a": [1, 2]} ', declared('json'));
    expect(json).toEqual({
      ok: true,
      output: {
        workerId: 'writer',
        name: 'Notes',
        format: 'json',
        raw: ' {"a": [1, 2]} ',
        codeBlocks: [],
        text: '{"a": [1, 2]}',
        value: { a: [1, 2] },
      },
    });
    const fenced = parseWorkerOutput('Here:\n```json\n{"b": true}\n```\n', declared('json'));
    expect(fenced.ok && fenced.output.value).toEqual({ b: true });
    expect(parseWorkerOutput('not json', declared('json')).ok).toBe(false);
    const code = parseWorkerOutput('```python path=a.py\nx = 1\n```\n```py\ny = 2\n```', declared('code'));
    expect(code.ok && code.output.text).toBe('x = 1\n\ny = 2\n');
    expect(code.ok && code.output.codeBlocks.map((block) => block.path)).toEqual(['a.py', undefined]);
    expect(parseWorkerOutput('   ', declared('markdown'))).toEqual({
      ok: false,
      error: 'The markdown output is empty.',
    });
    expect(parseWorkerOutput('   ', declared('text'))).toEqual({
      ok: false,
      error: 'The text output is empty.',
    });
    expect(parseWorkerOutput('', declared('binary')).ok).toBe(true);
  });

  it('gives the same reading of a text again, as a fresh output of the declaring worker', () => {
    const raw = '{"claims": [{"text": "One.", "sources": ["S1"]}]}';
    const first = parseWorkerOutput(raw, declared('json', 'researcher'));
    const second = parseWorkerOutput(JSON.parse(JSON.stringify(raw)) as string, declared('json', 'critic'));
    expect(first.ok && second.ok).toBe(true);
    if (!first.ok || !second.ok) return;
    expect(first.output).not.toBe(second.output);
    expect(first.output.workerId).toBe('researcher');
    expect(second.output.workerId).toBe('critic');
    expect(second.output.value).toEqual(first.output.value);
    expect(Object.keys(second.output)).toEqual([
      'workerId',
      'name',
      'format',
      'raw',
      'codeBlocks',
      'text',
      'value',
    ]);
  });

  it('hands out readings no reader can change (they are shared by later readers of the same text)', () => {
    const parsed = parseWorkerOutput('```json\n{"a": {"b": [1]}}\n```', declared('json'));
    if (!parsed.ok) throw new Error('expected JSON');
    const value = parsed.output.value as { a: { b: number[] } };
    expect(() => value.a.b.push(2)).toThrow(TypeError);
    expect(() => {
      (parsed.output.codeBlocks[0] as { content: string }).content = 'changed';
    }).toThrow(TypeError);
    const again = parseWorkerOutput('```json\n{"a": {"b": [1]}}\n```', declared('json'));
    expect(again.ok && again.output.value).toEqual({ a: { b: [1] } });
  });

  it('reads deeply nested JSON and texts too long to keep', () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(parseWorkerOutput(deep, declared('json')).ok).toBe(true);
    const long = JSON.stringify({ text: 'y'.repeat(70_000) });
    const parsed = parseWorkerOutput(long, declared('json'));
    expect(parsed.ok && (parsed.output.value as { text: string }).text.length).toBe(70_000);
  });

  it('reads a text the same the first time and every later time (property)', () => {
    const format = fc.constantFrom<WorkerOutput['format']>('json', 'code', 'text', 'markdown', 'binary');
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .tuple(fc.string(), fc.string())
        .map(([info, body]) => `\`\`\`${info.replace(/[`\n]/g, '')}\n${body}\n\`\`\``),
    );
    fc.assert(
      fc.property(text, format, (raw, kind) => {
        const first = parseWorkerOutput(raw, declared(kind));
        const again = parseWorkerOutput(raw, declared(kind));
        expect(again).toEqual(first);
        if (first.ok) expect(first.output.codeBlocks).toEqual(extractCodeBlocks(raw));
      }),
    );
  });
});
