import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import '../../backends/default-loop-environments.js';
import type { LoopInfo } from '../gym/loop-env.js';
import type { LoopAction, LoopObservation } from '../gym/loop-spaces.js';
import { playEpisode } from './perturbation-test-support.js';

const PERTURBATIONS = [
  'api_latency:seconds=2',
  'missing_source',
  'context_truncation:tokens=300',
  'hitl_reject',
];

describe('perturbed episodes are reproducible', () => {
  it('gives the same event stream in another process (the built CLI) as in this one', async () => {
    const cli = new URL('../../../dist/cli/main.js', import.meta.url).pathname;
    expect(existsSync(cli), 'dist/cli/main.js is missing: run `npm run build` first').toBe(true);
    const args = [cli, 'run', 'loopbench/research-synthesis-v1', '--task', 'rs-002', '--seed', '5', '--json'];
    for (const perturbation of PERTURBATIONS) args.push('--perturb', perturbation);
    const one = execFileSync(process.execPath, args, { encoding: 'utf8' });
    const two = execFileSync(process.execPath, args, { encoding: 'utf8' });
    expect(two).toBe(one);
    const env = make<LoopObservation, LoopAction, LoopInfo>('loopbench/research-synthesis-v1', {
      perturbations: [
        { name: 'api_latency', seconds: 2 },
        'missing_source',
        { name: 'context_truncation', tokens: 300 },
        'hitl_reject',
      ],
    });
    const { events } = await playEpisode(env, 5, 'rs-002');
    expect(one.trim().split('\n').slice(0, -1)).toEqual(events.map((event) => JSON.stringify(event)));
    const clean = await playEpisode(make('loopbench/research-synthesis-v1'), 5, 'rs-002');
    expect(JSON.stringify(clean.events)).not.toBe(JSON.stringify(events));
  });

  it('perturbs an episode the same way whatever ran before it in the process', async () => {
    const perturbations = [{ name: 'hitl_reject', probability: 0.5 }, 'api_latency'];
    const fresh = make<LoopObservation, LoopAction, LoopInfo>('loopbench/multi-agent-debate-v1', {
      perturbations,
    });
    const used = make<LoopObservation, LoopAction, LoopInfo>('loopbench/multi-agent-debate-v1', {
      perturbations,
    });
    for (let seed = 0; seed < 5; seed++) await playEpisode(used, seed);
    const a = await playEpisode(fresh, 9);
    const b = await playEpisode(used, 9);
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    expect(b.infos[0]!.perturbations).toEqual(a.infos[0]!.perturbations);
  });
});
