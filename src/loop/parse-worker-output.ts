// A worker's raw answer checked against its declared `outputs.format`.
import type { CodeBlock, WorkerOutput } from './worker-output.js';

/** The outcome of {@link parseWorkerOutput}: the output, or why it does not have its declared format. */
export type ParsedWorkerOutput = { ok: true; output: WorkerOutput } | { ok: false; error: string };

const FENCE = /^(`{3,}|~{3,})([^\n`]*)\n([\s\S]*?)^\1[ \t]*$/gm;
const FILE_COMMENT = /^\s*(?:#|\/\/|--|;|<!--)\s*file:\s*(\S+?)\s*(?:-->)?\s*$/i;

/**
 * The fenced code blocks of a text, with their language and the file each names (`path=x.py` or `file=x.py` in the
 * info string, or a first line such as `# file: x.py`; that line is then not part of the content).
 *
 * @example
 * ```ts
 * extractCodeBlocks('```python path=calc.py\nx = 1\n```'); // [{ language: 'python', path: 'calc.py', content: 'x = 1\n' }]
 * ```
 */
export function extractCodeBlocks(text: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  if (!text.includes('```') && !text.includes('~~~')) return blocks;
  for (const match of text.matchAll(FENCE)) {
    const info = (match[2] ?? '').trim();
    let content = match[3] ?? '';
    const [language, ...attributes] = info.split(/\s+/).filter(Boolean);
    let path = attributes
      .map((attribute) => /^(?:path|file|filename)=["']?([^"']+)["']?$/.exec(attribute)?.[1])
      .find((value) => value !== undefined);
    if (
      path === undefined &&
      language !== undefined &&
      /^[\w./-]+\.\w+$/.test(language) &&
      language.includes('.')
    ) {
      // ```calc/parse.py
      path = language;
    }
    const firstLine = content.split('\n', 1)[0] ?? '';
    const named = FILE_COMMENT.exec(firstLine);
    if (path === undefined && named !== null) {
      path = named[1];
      content = content.slice(firstLine.length + 1);
    }
    blocks.push({ language: language === path ? undefined : language, path, content });
  }
  return blocks;
}

/**
 * Checks a worker's answer against its format: `json` must be one JSON value (bare, or in a ```json fence);
 * `code` must contain code (its fenced blocks, joined; without fences, the whole answer);
 * `text` and `markdown` must not be empty; `binary` is taken as is.
 *
 * @example
 * ```ts
 * const parsed = parseWorkerOutput('{"a": 1}', { workerId: 'w', name: 'Notes', format: 'json' });
 * if (parsed.ok) parsed.output.value; // { a: 1 }
 * ```
 */
export function parseWorkerOutput(
  raw: string,
  declared: { workerId: string; name: string; format: WorkerOutput['format'] },
): ParsedWorkerOutput {
  const reading = readingOf(raw, declared.format);
  if (!reading.ok) return reading;
  return {
    ok: true,
    // Written out rather than spread: the same keys in the same order, built faster.
    output: {
      workerId: declared.workerId,
      name: declared.name,
      format: declared.format,
      raw,
      codeBlocks: reading.codeBlocks,
      text: reading.text,
      value: reading.value,
    },
  };
}

/** What an answer gives in a format, whoever wrote it: a pure function of the text and the format. */
type Reading =
  { ok: true; codeBlocks: readonly CodeBlock[]; text: string; value: unknown } | { ok: false; error: string };

/**
 * Readings of recent answers by format and text. Workers give the same answers again and again (simulated ones all
 * the more), and a reading never changes: it is kept deeply frozen, so that no reader can change what later readers
 * get. Texts over {@link LONGEST_KEPT_TEXT} characters are read each time.
 */
const readings = new Map<WorkerOutput['format'], Map<string, Reading>>();
const READINGS_CAPACITY = 1024;
const LONGEST_KEPT_TEXT = 65_536;

function readingOf(raw: string, format: WorkerOutput['format']): Reading {
  if (raw.length > LONGEST_KEPT_TEXT) return read(raw, format);
  let ofFormat = readings.get(format);
  if (ofFormat === undefined) {
    ofFormat = new Map();
    readings.set(format, ofFormat);
  }
  let reading = ofFormat.get(raw);
  if (reading === undefined) {
    reading = deepFreeze(read(raw, format));
    if (ofFormat.size >= READINGS_CAPACITY) ofFormat.delete(ofFormat.keys().next().value!);
    ofFormat.set(raw, reading);
  }
  return reading;
}

function read(raw: string, format: WorkerOutput['format']): Reading {
  const codeBlocks = extractCodeBlocks(raw);
  switch (format) {
    case 'json': {
      const candidates = [raw.trim(), ...codeBlocks.map((block) => block.content.trim())];
      for (const candidate of candidates) {
        const value = parseJson(candidate);
        if (value !== undefined) return { ok: true, codeBlocks, text: candidate, value };
      }
      return {
        ok: false,
        error: 'The output must be one JSON value (bare or in a ```json block); it does not parse as JSON.',
      };
    }
    case 'code': {
      if (codeBlocks.length > 0) {
        return {
          ok: true,
          codeBlocks,
          text: codeBlocks.map((block) => block.content).join('\n'),
          value: undefined,
        };
      }
      if (raw.trim() === '') return { ok: false, error: 'The output must contain code; it is empty.' };
      return { ok: true, codeBlocks, text: raw, value: undefined };
    }
    case 'text':
    case 'markdown':
      if (raw.trim() === '') return { ok: false, error: `The ${format} output is empty.` };
      return { ok: true, codeBlocks, text: raw, value: undefined };
    case 'binary':
      return { ok: true, codeBlocks, text: raw, value: undefined };
  }
}

/** Freezes a value and everything in it (without recursion: parsed JSON may nest deeply). */
function deepFreeze<T>(value: T): T {
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const item = pending.pop();
    if (typeof item !== 'object' || item === null || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) pending.push(child);
  }
  return value;
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
