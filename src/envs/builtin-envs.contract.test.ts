// The contract every built-in environment passes: Gymnasium's env checker through make(), seeded determinism,
// observations inside the observation space over random episodes, and identical sync and async faces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RandomAgent } from '../agents/random-agent.js';
import { isSyncEnv } from '../core/env.js';
import { listEnvs } from '../registry/default-registry.js';
import { make, makeSync } from '../registry/make.js';
import { checkEnv } from '../testing/check-env.js';

const ids = listEnvs();

describe.each(ids)('%s', (id) => {
  it('passes checkEnv through make()', async () => {
    const report = await checkEnv(make(id), { makeEnv: ({ renderMode }) => make(id, { renderMode }) });
    expect(report).toBeDefined();
  });

  it('is synchronous under the whole make() stack', () => {
    expect(isSyncEnv(make(id))).toBe(true);
  });

  it('keeps observations in the observation space and replays from a seed', () => {
    fc.assert(
      fc.property(fc.nat({ max: 10_000 }), (seed) => {
        const run = (): unknown[] => {
          const env = makeSync(id);
          const agent = new RandomAgent(env.actionSpace, { seed });
          let { observation, info } = env.resetSync({ seed });
          const trace: unknown[] = [env.observationSpace.toJsonValue(observation)];
          expect(env.observationSpace.contains(observation)).toBe(true);
          for (let step = 0; step < 60; step++) {
            const result = env.stepSync(agent.act(observation, { info, step }));
            expect(env.observationSpace.contains(result.observation)).toBe(true);
            expect(Number.isFinite(result.reward)).toBe(true);
            trace.push(env.observationSpace.toJsonValue(result.observation), result.reward);
            if (result.terminated || result.truncated) ({ observation, info } = env.resetSync());
            else ({ observation, info } = result);
          }
          return trace;
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 8 },
    );
  });
});
