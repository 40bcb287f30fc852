import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import '../../backends/default-loop-environments.js';
import { make } from '../../registry/make.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import { FIXTURES } from './__fixtures__/composition-tasks.js';

const SPEC = `${FIXTURES}/parallel.yaml`;
const TASKS = [{ query: 'What are commercialization timelines for solid-state batteries?' }];

async function eventsOf(seed: number): Promise<string> {
  const env = make<LoopObservation, LoopAction, LoopInfo>({ spec: SPEC, tasks: TASKS });
  const reset = await env.reset({ seed });
  const events = [...reset.info.events];
  for (;;) {
    const step = await env.step(null);
    events.push(...step.info.events);
    if (step.terminated || step.truncated) break;
  }
  return events.map((event) => JSON.stringify(event)).join('\n');
}

describe('make() of a composition spec', () => {
  it('builds the environment through the usual stack and runs an episode to its end', async () => {
    const env = make<LoopObservation, LoopAction, LoopInfo>({ spec: SPEC, tasks: TASKS });
    expect(env.unwrapped.toString()).toContain('CompositionEnv');
    const { observation } = await env.reset({ seed: 2 });
    expect(env.observationSpace.contains(observation)).toBe(true);
    const step = await env.step(null);
    expect(env.observationSpace.contains(step.observation)).toBe(true);
    expect(step.info['composition']).toMatchObject({ type: 'parallel' });
  });

  it('gives the same events in another process (the built package)', async () => {
    const built = new URL('../../../dist/backends/make-loop-env.js', import.meta.url);
    expect(existsSync(built.pathname), 'dist/ is missing: run `npm run build` first').toBe(true);
    const script = `
      const { makeLoopEnv } = await import(${JSON.stringify(built.href)});
      const env = makeLoopEnv({ spec: ${JSON.stringify(SPEC)}, tasks: ${JSON.stringify(TASKS)} });
      const reset = await env.reset({ seed: 7 });
      const events = [...reset.info.events];
      for (;;) {
        const step = await env.step(null);
        events.push(...step.info.events);
        if (step.terminated || step.truncated) break;
      }
      process.stdout.write(events.map((event) => JSON.stringify(event)).join('\\n'));
    `;
    const run = (): string =>
      execFileSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
    const one = run();
    expect(run()).toBe(one);
    expect(await eventsOf(7)).toBe(one);
  });
});
