import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../cli/commands/__fixtures__/store-command-fixture.js';
import { addExportCommand } from '../cli/commands/export-command.js';
import { openRunStore } from '../store/run-store.js';
import { fillRunStore, type FilledRuns } from '../viewer/__fixtures__/fill-run-store.js';
import type { OtlpTraceRequest } from './otlp-json.js';
import { validateTraceDocument } from './trace-schemas.js';

let storePath: string;
let runs: FilledRuns;

beforeAll(async () => {
  storePath = join(mkdtempSync(join(tmpdir(), 'loopgym-trace-export-')), 'runs.db');
  const store = openRunStore(storePath);
  runs = await fillRunStore(store);
  store.close();
}, 60_000);

const exportCommand = (argv: string[]) =>
  runCommand((program, io) => addExportCommand(program, io, { environment: {} }), ['export', ...argv]);

describe('loopgym export --format ltf|loop-trace|otlp', () => {
  it('writes one valid LTF 0.1 document per episode', async () => {
    const { code, out } = await exportCommand([
      runs.loop.slice(0, 8),
      '--format',
      'ltf',
      '--store',
      storePath,
    ]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(validateTraceDocument('ltf', JSON.parse(line))).toEqual([]);
  });

  it('writes one valid Loop Trace 1.0 document per episode', async () => {
    const { code, out } = await exportCommand([runs.lakeLlm, '--format', 'loop-trace', '--store', storePath]);
    expect(code).toBe(0);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(validateTraceDocument('loopTrace', JSON.parse(line))).toEqual([]);
  });

  it('writes each episode’s spans as an OTLP/JSON export request', async () => {
    const { code, out } = await exportCommand([runs.loop, '--format', 'otlp', '--store', storePath]);
    expect(code).toBe(0);
    const first = JSON.parse(out.split('\n')[0]!) as OtlpTraceRequest;
    const names = first.resourceSpans[0]!.scopeSpans[0]!.spans.map((span) => span.name);
    expect(names).toContain('loop.run');
    expect(names).toContain('loop.iteration');
    expect(names.some((name) => name.startsWith('chat '))).toBe(true);
  });
});
