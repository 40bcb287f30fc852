// Keeps docs/text-environments.md true: its example environment and agent run against the current source, its
// samples are what the environments and the adapter produce, and its table has every text environment's step limit.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { defaultObservationToText } from '../../agents/llm/observation-to-text.js';
import { defaultSystemPrompt } from '../../agents/llm/default-system-prompt.js';
import { actionNamesOf } from '../../agents/llm/parse-action.js';
import { defaultRegistry } from '../../registry/default-registry.js';
import { make } from '../../registry/make.js';

const doc = readFileSync(new URL('../../../docs/text-environments.md', import.meta.url), 'utf8');
const source = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

function blocks(language: string): string[] {
  return [...doc.matchAll(new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g'))].map(
    (match) => match[1]!,
  );
}

/**
 * The page's TypeScript blocks as one module, their imports (from `loopgym` and `loopgym/testing`) merged and
 * resolved against the source.
 */
function exampleModule(): string {
  const imports = new Map<string, Set<string>>();
  const bodies = blocks('ts').map((block) =>
    block.replace(/^import \{([^}]*)\} from '([^']+)';\n/gm, (_, names: string, from: string) => {
      const set = imports.get(from) ?? new Set<string>();
      for (const name of names.split(',')) if (name.trim() !== '') set.add(name.trim());
      imports.set(from, set);
      return '';
    }),
  );
  const modules: Record<string, string> = {
    loopgym: source('../../index.ts'),
    'loopgym/testing': source('../../testing/index.ts'),
  };
  const header = [...imports].map(([from, names]) => {
    const path = modules[from];
    if (path === undefined) throw new Error(`the page imports from ${from}, which the test does not map`);
    return `import { ${[...names].join(', ')} } from ${JSON.stringify(path)};`;
  });
  return `${header.join('\n')}\n${bodies.join('\n')}\nexport {};\n`;
}

describe('docs/text-environments.md', () => {
  it('has an example environment that passes checkEnv and an LLM agent that plays it', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-text-doc-'));
    const file = join(directory, 'example.ts');
    writeFileSync(file, exampleModule());
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
      expect(log.mock.calls).toEqual([[[]], ['terminated', 3, 3], ['Right.\nDone: 3 of 3 right.\n']]);
    } finally {
      log.mockRestore();
    }
  });

  const textSamples: [string, Record<string, unknown>, readonly unknown[]][] = [
    ['text/guess-number-v0', {}, [50, 75]],
    ['text/wordle-v0', {}, ['crane', 'doubt']],
    ['text/tictactoe-v0', {}, [5, 1]],
    ['text/adventure-v0', {}, ['north', 'take lamp']],
  ];
  it.each(textSamples)('shows %s after the actions it names', async (id, options, actions) => {
    const env = make<string>(id, options);
    let { observation } = await env.reset({ seed: 0 });
    for (const action of actions) ({ observation } = await env.step(action));
    expect(blocks('text')).toContain(observation);
  });

  const toyTextSamples: [string, Record<string, unknown>, readonly number[]][] = [
    ['FrozenLake-v1', { isSlippery: false }, [2]],
    ['Taxi-v4', {}, []],
    ['CliffWalking-v1', {}, []],
    ['Blackjack-v1', {}, []],
  ];
  it.each(toyTextSamples)('shows %s as the adapter writes it', async (id, options, actions) => {
    const env = make<unknown, number>(id, { ...options, renderMode: 'ansi' });
    let { observation } = await env.reset({ seed: 0 });
    for (const action of actions) ({ observation } = await env.step(action));
    expect(blocks('text')).toContain(`${defaultObservationToText(observation, env)}\n`);
    const names = actionNamesOf(env)!;
    expect(doc).toContain(`${id.replace(/-v\d+$/, '')} \`${names.join(', ')}\``);
  });

  it("shows FrozenLake's default system prompt", () => {
    const env = make('FrozenLake-v1');
    expect(blocks('text')).toContain(`${defaultSystemPrompt(env.actionSpace, actionNamesOf(env), 'xml')}\n`);
  });

  it.each(defaultRegistry.all().filter((spec) => spec.id.startsWith('text/')))(
    'has a table row for $id with its step limit',
    (spec) => {
      const row = doc
        .split('\n')
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .find((cells) => cells[1] === `\`${spec.id}\``);
      expect(row?.[4]).toBe(String(spec.maxEpisodeSteps));
    },
  );
});
