import { describe, expect, it } from 'vitest';
import { make } from '../../registry/make.js';
import { Box } from '../../spaces/box.js';
import { Dict } from '../../spaces/dict.js';
import { Discrete } from '../../spaces/discrete.js';
import { Text } from '../../spaces/text.js';
import { defaultObservationToText, describeAnsiFrame, formatValue } from './observation-to-text.js';

const view = (observationSpace: unknown) =>
  ({ observationSpace, renderMode: undefined, render: () => undefined }) as never;

describe('defaultObservationToText', () => {
  it('uses the ansi render of toy-text envs, marking the coloured cells', async () => {
    const env = make('FrozenLake-v1', { renderMode: 'ansi', isSlippery: false });
    const { observation } = await env.reset({ seed: 0 });
    expect(defaultObservationToText(observation, env)).toBe(
      'SFFF\nFHFH\nFFFH\nHFFG\nMarked: "S" at line 1, character 1 (highlighted red)\n\nObservation (Discrete): 0',
    );
    const taxi = make('Taxi-v4', { renderMode: 'ansi' });
    const first = await taxi.reset({ seed: 1 });
    const text = defaultObservationToText(first.observation, taxi);
    expect(text).not.toContain('\u001b');
    expect(text).toMatch(/Marked: .*\(highlighted yellow\)/);
    expect(text).toMatch(/Marked: .*\(bold blue\)/);
  });

  it('shows a text observation once when the ansi render is that same text (text envs with renderMode ansi)', async () => {
    const env = make('text/guess-number-v0', { renderMode: 'ansi' });
    const { observation } = await env.reset({ seed: 0 });
    expect(typeof observation).toBe('string');
    expect(defaultObservationToText(observation, env)).toBe(observation);
  });

  it('formats Box, Dict, Text and Discrete observations readably', () => {
    expect(defaultObservationToText(new Float32Array([0.1, -2, 3.25]), view(new Box(-5, 5, [3])))).toBe(
      '[0.1, -2, 3.25]',
    );
    const dict = new Dict({ position: new Discrete(3), goal: new Box(0, 1, [2]) });
    expect(defaultObservationToText({ position: 2, goal: new Float32Array([0.5, 1]) }, view(dict))).toBe(
      'position: 2\ngoal: [0.5, 1]',
    );
    expect(defaultObservationToText('You are in a hall.', view(new Text(40)))).toBe('You are in a hall.');
    expect(defaultObservationToText(3, view(new Discrete(5)))).toBe('Observation (state index): 3');
    expect(formatValue({ a: { b: [1, 2n] } })).toBe('a:\n  b: [1, 2]');
  });

  it('shows a loop observation’s task, inputs, latest outputs, scores and feedback', () => {
    const observation = {
      taskId: 'cr-001',
      inputs: { bug: 'off by one' },
      objective: 'Fix the bug.',
      iteration: 1,
      outputs: { planner: '', implementer: 'the patch' },
      scores: { tests: 0.5 },
      feedback: { implementer: ['2 tests fail'], planner: [] },
      metrics: {},
    };
    const text = defaultObservationToText(observation, view({ type: 'LoopObservation' }));
    expect(text).toBe(
      [
        'Task: cr-001',
        'Objective: Fix the bug.',
        '',
        'Inputs:',
        '  bug: off by one',
        '',
        'Iteration: 1',
        '',
        'Latest outputs:',
        '--- implementer ---',
        'the patch',
        '',
        'Scores:',
        '  tests: 0.5',
        '',
        'Feedback:',
        '- (implementer) 2 tests fail',
      ].join('\n'),
    );
  });

  it('describeAnsiFrame leaves plain frames alone', () => {
    expect(describeAnsiFrame('\nab\ncd\n')).toBe('ab\ncd');
  });
});
