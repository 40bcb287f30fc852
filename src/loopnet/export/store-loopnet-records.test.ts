import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import { addExportCommand } from '../../cli/commands/export-command.js';
import { runCommand } from '../../cli/commands/__fixtures__/store-command-fixture.js';
import { evaluate } from '../../eval/evaluate.js';
import { namedAgentFactory } from '../../eval/named-agents.js';
import { make } from '../../registry/make.js';
import { openRunStore } from '../../store/run-store.js';
import { validateLoopNetRecord } from '../record-schema.js';
import { storedLoopNetRecords } from './store-loopnet-records.js';

const directory = mkdtempSync(join(tmpdir(), 'loopnet-store-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

/** A store holding one loop evaluation (3 sim episodes of code repair) and one evaluation of a plain environment. */
async function filledStore(): Promise<{ path: string; loopRun: string; plainRun: string }> {
  const path = join(directory, 'runs.db');
  const loop = await evaluate({
    env: () => make('loopbench/code-repair-v1', { backend: 'sim' }),
    envId: 'loopbench/code-repair-v1',
    agent: namedAgentFactory({ name: 'loop' }),
    agentName: 'loop',
    backend: 'sim',
    episodes: 3,
    seed: 0,
    store: path,
  });
  const plain = await evaluate({
    env: () => make('FrozenLake-v1'),
    envId: 'FrozenLake-v1',
    agent: namedAgentFactory({ name: 'random' }),
    agentName: 'random',
    episodes: 2,
    seed: 0,
    store: path,
  });
  return { path, loopRun: loop.runId!, plainRun: plain.runId! };
}

describe('export --format loopnet', () => {
  it('writes the loop episodes of a stored run as valid records, and refuses a run that is not a loop', async () => {
    const { path, loopRun, plainRun } = await filledStore();
    const store = openRunStore(path);
    const records = [...storedLoopNetRecords(store, loopRun)];
    const episodes = store.episodes(loopRun);
    expect(records).toHaveLength(3);
    for (const [index, record] of records.entries()) {
      expect(validateLoopNetRecord(record).valid).toBe(true);
      expect(record.metadata.tags).toEqual(
        expect.arrayContaining([
          `run:${loopRun}`,
          `episode:${index}`,
          'backend:sim',
          'env:loopbench/code-repair-v1',
        ]),
      );
      expect(record.trajectory).toHaveLength(episodes[index]!.length);
      const end = store.events(episodes[index]!.id).at(-1);
      expect(end?.type === 'episode-end' ? end.costUsd : undefined).toBeCloseTo(
        record.metadata.cost_total_usd,
        12,
      );
    }

    store.close();
    const file = join(directory, 'out.jsonl');
    const written = await runCommand(addExportCommand, [
      'export',
      loopRun.slice(0, 8),
      '--format',
      'loopnet',
      '-o',
      file,
      '--store',
      path,
    ]);
    expect(written.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trim().split('\n');
    expect(lines.map((line) => (JSON.parse(line) as { record_id: string }).record_id)).toEqual(
      records.map((record) => record.record_id),
    );

    const refused = await runCommand(addExportCommand, [
      'export',
      plainRun,
      '--format',
      'loopnet',
      '--store',
      path,
    ]);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toContain('ran FrozenLake-v1, which is not a loop');
    expect(refused.err).toContain('--format jsonl');
  });
});
