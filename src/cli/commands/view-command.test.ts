import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRunStore } from '../../store/run-store.js';
import { runCommand } from './__fixtures__/store-command-fixture.js';
import { addViewCommand } from './view-command.js';

describe('loopgym view', () => {
  it('serves the store on 127.0.0.1 and prints its URL, until told to stop', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'loopgym-view-')), 'runs.db');
    const store = openRunStore(path);
    const runId = store.startRun({ kind: 'eval', envId: 'FrozenLake-v1', agent: 'random', seeds: [0] });
    store.close();
    let stop: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => (stop = resolve));
    let answer: unknown;
    const outcome = await runCommand(
      (program, io) =>
        addViewCommand(program, io, {
          environment: {},
          waitForStop: () => stopped,
          onListening: (url) => {
            void fetch(`${url}api/runs`)
              .then((response) => response.json())
              .then((body) => {
                answer = body;
                stop();
              });
          },
        }),
      ['view', '--port', '0', '--store', path],
    );
    expect(outcome.code).toBe(0);
    expect(outcome.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\n$/);
    expect(outcome.err).toContain('Viewer stopped.');
    expect((answer as { runs: { id: string }[] }).runs.map((run) => run.id)).toEqual([runId]);
  });

  it('says so when there is no store yet, and refuses a bad port', async () => {
    const missing = join(mkdtempSync(join(tmpdir(), 'loopgym-view-')), 'none.db');
    const none = await runCommand(
      (program, io) => addViewCommand(program, io, { environment: {} }),
      ['view', '--store', missing],
    );
    expect(none.code).toBe(1);
    expect(none.err).toContain(`There is no run store at ${missing} yet.`);
    const bad = await runCommand(
      (program, io) => addViewCommand(program, io, { environment: {} }),
      ['view', '--port', 'eighty', '--store', missing],
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--port must be a non-negative integer');
  });
});
