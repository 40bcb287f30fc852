// Keeps docs/agents.md true: its example trains as written, and its hyperparameter tables list every hyperparameter
// of each algorithm with its actual default.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { learnerHyperparameterSchemas } from './create-learner.js';

const doc = readFileSync(new URL('../../../docs/agents.md', import.meta.url), 'utf8');

/** The `| name | default | meaning |` rows of the table after `heading`. */
function hyperparameterRows(heading: string): Map<string, string> {
  const section = doc.slice(doc.indexOf(heading));
  const table = section.slice(section.indexOf('| Hyperparameter'));
  const rows = new Map<string, string>();
  for (const line of table.split('\n')) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').map((cell) => cell.trim());
    const name = /^`(\w+)`$/.exec(cells[1] ?? '')?.[1];
    if (name !== undefined) rows.set(name, cells[2] ?? '');
  }
  return rows;
}

/** A default as the tables write it: numbers with thin spacing removed, arrays and words in backticks. */
function documented(value: unknown): string {
  if (value === undefined) return '(constant)';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return String(value);
  return `\`${Array.isArray(value) ? `[${value.join(', ')}]` : JSON.stringify(value).replaceAll('"', '')}\``;
}

describe('docs/agents.md', () => {
  const sections = {
    '### Tabular Q-learning and SARSA': learnerHyperparameterSchemas['q-learning'],
    '### DQN': learnerHyperparameterSchemas.dqn,
    '### PPO': learnerHyperparameterSchemas.ppo,
  };
  for (const [heading, schema] of Object.entries(sections)) {
    it(`lists every hyperparameter and default under "${heading}"`, () => {
      const rows = hyperparameterRows(heading);
      const defaults = schema.parse({}) as Record<string, unknown>;
      const names = Object.keys(schema.shape);
      expect([...rows.keys()].sort()).toEqual([...names].sort());
      for (const name of names) {
        expect(rows.get(name)?.replaceAll(' ', ''), name).toBe(
          documented(defaults[name]).replaceAll(' ', ''),
        );
      }
    });
  }

  it('has a training example that runs', { timeout: 60_000 }, async () => {
    const code = /```ts\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(code).toBeDefined();
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-agents-doc-'));
    const shim = join(directory, 'loopgym.ts');
    const root = fileURLToPath(new URL('../../index.ts', import.meta.url));
    const learning = fileURLToPath(new URL('./index.ts', import.meta.url));
    writeFileSync(
      shim,
      `export * from ${JSON.stringify(root)};\nexport * from ${JSON.stringify(learning)};\n`,
    );
    const file = join(directory, 'example.ts');
    writeFileSync(
      file,
      code!.replaceAll("from 'loopgym'", `from ${JSON.stringify(shim)}`) +
        '\nexport const result = meanReturn;\n',
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      const module = (await import(file)) as { result: number };
      expect(module.result).toBeGreaterThanOrEqual(7);
      expect(log).toHaveBeenCalledTimes(2000);
    } finally {
      log.mockRestore();
    }
  });
});
