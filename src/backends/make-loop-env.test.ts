import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setWarningHandler } from '../core/warnings.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { CompositionEnv } from '../loop/composition/composition-env.js';
import { makeLoopEnv } from './make-loop-env.js';

const spec = join(loopbenchDataDirectory('code-repair-v1'), 'spec.yaml');
const specs = new URL('../lss/__fixtures__/specs/', import.meta.url).pathname;

describe('makeLoopEnv', () => {
  it('uses the spec’s examples as tasks when none are given, and plain input objects as tasks', async () => {
    const fromExamples = makeLoopEnv({ spec });
    expect(fromExamples.tasks.map((task) => task.id)).toEqual(['example-1']);
    const fromInputs = makeLoopEnv({ spec, tasks: [{ bug_description: 'x', repo_snapshot: 'y' }] });
    expect(fromInputs.tasks[0]).toMatchObject({ id: 'task-1', inputs: { bug_description: 'x' } });
    const { observation } = await fromInputs.reset({ seed: 0 });
    expect(observation.inputs).toEqual({ bug_description: 'x', repo_snapshot: 'y' });
  });

  it('merges the price table the spec names, relative to the spec', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-prices-'));
    const text = readFileSync(spec, 'utf8').replace(
      'cost_limits:\n',
      'cost_limits:\n  price_table_ref: prices.json\n',
    );
    writeFileSync(join(directory, 'spec.yaml'), text);
    writeFileSync(
      join(directory, 'prices.json'),
      JSON.stringify({ 'openai:gpt-4.1-mini': { inputPerMillion: 400, outputPerMillion: 1600 } }),
    );
    const env = makeLoopEnv({
      spec: join(directory, 'spec.yaml'),
      tasks: loopbenchDataDirectory('code-repair-v1') + '/tasks.json',
    });
    await env.reset({ seed: 0, options: { taskId: 'cr-001' } });
    const step = await env.step(null);
    const cheap = makeLoopEnv({ spec, tasks: loopbenchDataDirectory('code-repair-v1') + '/tasks.json' });
    await cheap.reset({ seed: 0, options: { taskId: 'cr-001' } });
    const cheapStep = await cheap.step(null);
    expect(step.info.costUsd).toBeCloseTo(cheapStep.info.costUsd * 1000, 8);
  });

  it('warns about a price table that does not exist and uses the default prices', () => {
    const warnings: string[] = [];
    const previous = setWarningHandler((message) => warnings.push(message));
    try {
      makeLoopEnv({ spec: join(specs, 'loop-core/research-loop.yaml') });
    } finally {
      setWarningHandler(previous);
    }
    expect(warnings.join('\n')).toContain('price_table_ref');
  });

  it('makes a composition environment for a spec with a composition', () => {
    const directory = mkdtempSync(join(tmpdir(), 'loopgym-composition-'));
    const minimal = readFileSync(join(specs, 'loop-core/minimal-loop.yaml'), 'utf8');
    writeFileSync(join(directory, 'child.yaml'), minimal);
    writeFileSync(
      join(directory, 'main.yaml'),
      `${minimal}\ncomposition:\n  type: sequential\n  children:\n    - { id: a, ref: child.yaml }\n    - { id: b, ref: child.yaml }\n  adapters:\n    - { from: children.a.outputs.summarizer, to: children.b.inputs.message }\n`,
    );
    expect(makeLoopEnv({ spec: join(directory, 'main.yaml') })).toBeInstanceOf(CompositionEnv);
  });
});
