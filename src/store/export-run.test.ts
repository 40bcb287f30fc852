import { describe, expect, it } from 'vitest';
import { episodeLineSchema, rolloutResultSchema } from './export-records.js';
import { exportRun } from './export-run.js';
import { openRunStore } from './run-store.js';

function storeWithRun() {
  const store = openRunStore(':memory:');
  const runId = store.startRun({
    kind: 'eval',
    envId: 'text/guess-number-v0',
    model: 'sim:guesser',
    id: 'run-1',
  });
  store.recordEpisode(runId, {
    index: 0,
    seed: 7,
    taskId: 'guess-7',
    return: 1,
    length: 2,
    terminated: true,
    truncated: false,
    metrics: { guesses: 2 },
    durationMs: 120,
    steps: [
      { index: 0, observation: 'Higher.', action: '5', reward: 0, terminated: false, truncated: false },
      { index: 1, observation: 'Correct!', action: '7', reward: 1, terminated: true, truncated: false },
    ],
    modelCalls: [
      {
        step: 0,
        modelId: 'sim:guesser',
        messages: [
          { role: 'system', content: 'Guess a number from 1 to 10.' },
          { role: 'user', content: 'Start.' },
        ],
        response: '5',
        usage: { inputTokens: 12, outputTokens: 1 },
        costUsd: 0.001,
        latencySeconds: 0.25,
        cached: false,
      },
      {
        step: 1,
        modelId: 'sim:guesser',
        messages: [
          { role: 'system', content: 'Guess a number from 1 to 10.' },
          { role: 'user', content: 'Start.' },
          { role: 'assistant', content: '5' },
          { role: 'user', content: 'Higher.' },
        ],
        response: '7',
        usage: { inputTokens: 20, outputTokens: 1 },
        costUsd: 0.002,
        latencySeconds: 0.5,
        cached: true,
      },
    ],
  });
  store.recordEpisode(runId, {
    index: 1,
    seed: 8,
    return: 0,
    length: 1,
    terminated: false,
    truncated: true,
    steps: [{ index: 0, observation: 'Lower.', action: 3, reward: 0, terminated: false, truncated: true }],
  });
  return { store, runId };
}

describe('exportRun', () => {
  it('writes one episode per line with its steps (jsonl)', () => {
    const { store } = storeWithRun();
    const lines = [...exportRun(store, 'run', 'jsonl')];
    expect(lines).toHaveLength(2);
    expect(lines.every((line) => line.endsWith('\n'))).toBe(true);
    const records = lines.map((line) => episodeLineSchema.parse(JSON.parse(line)));
    expect(records[0]!.episode).toMatchObject({ index: 0, seed: 7, return: 1, usage: { inputTokens: 32 } });
    expect(records[0]!.steps.map((step) => step.action)).toEqual(['5', '7']);
    expect(records[1]!.episode.truncated).toBe(true);
    expect(records[0]!.episode).not.toHaveProperty('id');
    store.close();
  });

  it('writes one rollout per line with prompt, completion, reward, timing and usage (results)', () => {
    const { store, runId } = storeWithRun();
    const records = [...exportRun(store, runId, 'results')].map((line) =>
      rolloutResultSchema.parse(JSON.parse(line)),
    );
    const [first, second] = records;
    expect(first).toMatchObject({
      runId: 'run-1',
      model: 'sim:guesser',
      exampleId: 'guess-7',
      reward: 1,
      metrics: { guesses: 2 },
      prompt: [
        { role: 'system', content: 'Guess a number from 1 to 10.' },
        { role: 'user', content: 'Start.' },
      ],
      completion: [
        { role: 'assistant', content: '5' },
        { role: 'user', content: 'Higher.' },
        { role: 'assistant', content: '7' },
      ],
      timing: { durationMs: 120, modelLatencySeconds: 0.75 },
      usage: { inputTokens: 32, outputTokens: 2, totalTokens: 34, modelCalls: 2, cachedCalls: 1 },
    });
    expect(first!.usage.costUsd).toBeCloseTo(0.003);
    // Without model calls the actions become the answers and the observations the replies.
    expect(second).toMatchObject({
      exampleId: '8',
      prompt: [],
      completion: [
        { role: 'assistant', content: '3' },
        { role: 'user', content: 'Lower.' },
      ],
      usage: { modelCalls: 0, totalTokens: 0 },
    });
    store.close();
  });

  it('builds the completion from calls that do not resend the history', () => {
    const store = openRunStore(':memory:');
    const runId = store.startRun({ kind: 'eval', envId: 'FrozenLake-v1' });
    const call = (content: string, response: string) => ({
      modelId: 'sim:x',
      messages: [
        { role: 'system' as const, content: 'Play.' },
        { role: 'user' as const, content },
      ],
      response,
      usage: { inputTokens: 1, outputTokens: 1 },
      costUsd: 0,
      latencySeconds: 0,
      cached: false,
    });
    store.recordEpisode(runId, {
      index: 0,
      return: 0,
      length: 2,
      terminated: true,
      truncated: false,
      modelCalls: [call('state A', 'left'), call('state B', 'down')],
    });
    const [line] = [...exportRun(store, runId, 'results')];
    expect(rolloutResultSchema.parse(JSON.parse(line!)).completion).toEqual([
      { role: 'assistant', content: 'left' },
      { role: 'user', content: 'state B' },
      { role: 'assistant', content: 'down' },
    ]);
    store.close();
  });

  it('fails with the store error for an unknown run', () => {
    const { store } = storeWithRun();
    expect(() => [...exportRun(store, 'nope', 'jsonl')]).toThrow(/No run "nope"/);
    store.close();
  });
});
