import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../core/errors.js';
import { Discrete } from '../spaces/discrete.js';
import { ScriptedLanguageModel } from '../testing/scripted-language-model.js';
import { fromGymLike, UnknownSpace } from './from-gym-like.js';
import { createLlmAgent } from './llm/create-llm-agent.js';
import { rollout } from './llm/rollout.js';

describe('fromGymLike', () => {
  it("reads Gymnasium's 5-tuple and (observation, info) resets, sync or async", async () => {
    const seeds: (number | undefined)[] = [];
    const env = fromGymLike({
      reset: (seed?: number) => {
        seeds.push(seed);
        return Promise.resolve([10, { start: true }]);
      },
      step: (action: number) => [action, 1.5, action === 3, action === 2, { action }],
      actionSpace: new Discrete(4),
    });
    expect(await env.reset({ seed: 7 })).toEqual({ observation: 10, info: { start: true } });
    expect(seeds).toEqual([7]);
    expect(await env.step(3)).toEqual({
      observation: 3,
      reward: 1.5,
      terminated: true,
      truncated: false,
      info: { action: 3 },
    });
    expect(await env.step(2)).toMatchObject({ terminated: false, truncated: true });
    expect(env.actionSpace).toBeInstanceOf(Discrete);
    expect(env.observationSpace).toBeInstanceOf(UnknownSpace);
  });

  it("reads the old 4-tuple, with info['TimeLimit.truncated'] as truncation", async () => {
    const env = fromGymLike({
      reset: () => 0,
      step: (action: string) =>
        action === 'stop' ? [1, 0, true, { 'TimeLimit.truncated': true }] : [2, 1, action === 'win', {}],
      action_space: undefined,
    });
    expect(await env.reset()).toEqual({ observation: 0, info: {} });
    expect(await env.step('win')).toMatchObject({ observation: 2, terminated: true, truncated: false });
    expect(await env.step('stop')).toMatchObject({ terminated: false, truncated: true });
    expect(await env.step('go')).toMatchObject({ terminated: false, truncated: false });
  });

  it('says what step should return when it returns something else, and needs reset and step', async () => {
    const env = fromGymLike({ reset: () => 0, step: () => [1, 2, 3] });
    await expect(env.step(0)).rejects.toThrow(
      /returned a 3-tuple; expected \[observation, reward, terminated/,
    );
    expect(() => fromGymLike({ reset: () => 0 } as never)).toThrow(InvalidArgumentError);
  });

  it('lets an LLM agent play an env without spaces: text observations, answers as JSON or text, render as ansi', async () => {
    const answers: unknown[] = [];
    const env = fromGymLike(
      {
        reset: () => ['Guess a number from 1 to 9.', {}],
        step: (guess: unknown) => {
          answers.push(guess);
          return ['Too low.', guess === 7 ? 1 : 0, guess === 7, false, {}];
        },
        render: () => 'a guessing game',
      },
      { name: 'guess-v0' },
    );
    const model = new ScriptedLanguageModel(['3', '7']);
    const trajectory = await rollout(env, createLlmAgent({ model }));
    expect(answers).toEqual([3, 7]);
    expect(trajectory).toMatchObject({ status: 'terminated', return: 1, environmentSteps: 2 });
    expect(model.calls[0]!.messages[1]!.content).toContain('a guessing game');
    expect(env.spec?.id).toBe('guess-v0');
  });
});
