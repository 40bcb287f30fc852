import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import '../backends/default-loop-environments.js';
import { DEFAULT_CONFIG_AGENTS, defaultRunConfigText } from '../config/default-run-config.js';
import { loadRunConfig } from '../config/load-run-config.js';
import { openRunStore } from '../store/run-store.js';
import { trainFromConfig } from './train-from-config.js';
import { latestCheckpointPath, readTrainingCheckpoint } from './training-checkpoint.js';

function configFile(text: string): string {
  const directory = mkdtempSync(join(tmpdir(), 'loopgym-train-'));
  const file = join(directory, 'run.yaml');
  writeFileSync(file, text);
  return file;
}

describe('trainFromConfig', () => {
  it.each(DEFAULT_CONFIG_AGENTS)(
    'trains the default %s config for a few episodes',
    async (agent) => {
      const text = defaultRunConfigText({ agent })
        .replace(/episodes: \d+ /, 'episodes: 4 ')
        .replace(/everyEpisodes: \d+/g, 'everyEpisodes: 2')
        .replace('rolloutSteps: 2048', 'rolloutSteps: 64')
        .replace('rolloutSteps: 1024', 'rolloutSteps: 64');
      const config = await loadRunConfig(configFile(text));
      const store = openRunStore(':memory:');
      const result = await trainFromConfig(config, { store });
      expect(result.status).toBe('completed');
      expect(result.episodes).toBe(agent === 'dqn' ? result.episodes : 4);
      expect(store.episodes(result.runId!)).toHaveLength(result.episodes);
      const csv = readFileSync(config.csvPath!, 'utf8').trim().split('\n');
      expect(csv).toHaveLength(result.episodes + 1);
      const checkpoint = readTrainingCheckpoint(latestCheckpointPath(config.checkpointDirectory)!);
      expect(checkpoint.episodes).toBe(result.episodes);
      expect(checkpoint.agent === null).toBe(agent === 'random' || agent === 'llm');
      store.close();
    },
    60_000,
  );
});

const RESUME_CONFIG = (algorithm: string, env: string, hyperparameters: string): string => `
version: 1
name: resume-${algorithm}
agent:
  algorithm: ${algorithm}
  seed: 3
  hyperparameters: ${hyperparameters}
environment:
  id: ${env}
training:
  episodes: 30
  seed: 7
checkpoints:
  everyEpisodes: 8
evaluation:
  everyEpisodes: 5
  episodes: 3
logging:
  csv: out/metrics.csv
  jsonl: out/metrics.jsonl
  store: runs.db
`;

describe('resume', () => {
  it.each([
    ['q-learning', 'FrozenLake-v1', '{learningRate: 0.5}'],
    ['dqn', 'CartPole-v1', '{hiddenSizes: [8], learningStarts: 50, batchSize: 8}'],
  ])(
    '%s: stopped, then resumed, ends with the checkpoint of an uninterrupted run',
    async (algorithm, env, hp) => {
      const text = RESUME_CONFIG(algorithm, env, hp);
      const whole = await loadRunConfig(configFile(text));
      const uninterrupted = await trainFromConfig(whole);
      const split = await loadRunConfig(configFile(text));
      const stop = new AbortController();
      const first = await trainFromConfig(split, {
        signal: stop.signal,
        onProgress: (p) => {
          if (p.episodes === 13) stop.abort();
        },
      });
      expect(first.status).toBe('interrupted');
      expect(first.episodes).toBe(13);
      await expect(trainFromConfig(split)).rejects.toThrow(/--resume/);
      const second = await trainFromConfig(split, { resume: true });
      expect(second.status).toBe('completed');
      expect(second.runId).toBe(first.runId);
      expect(second.sessionEpisodes).toBe(17);
      const a = readTrainingCheckpoint(uninterrupted.checkpoint!);
      const b = readTrainingCheckpoint(second.checkpoint!);
      expect(b.agent).toEqual(a.agent);
      expect(b.evaluations).toEqual(a.evaluations);
      expect(b.evaluations.map((e) => e.episode)).toEqual([5, 10, 15, 20, 25, 30]);
      // The logs continue without duplicates and hold the same figures.
      const column = (file: string, index: number): string[] =>
        readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => line.split(',')[index]!);
      expect(column(split.csvPath!, 0)).toEqual([
        'episode',
        ...Array.from({ length: 30 }, (_, i) => String(i)),
      ]);
      expect(column(split.csvPath!, 2)).toEqual(column(whole.csvPath!, 2));
      const jsonl = (file: string): unknown[] =>
        readFileSync(file, 'utf8')
          .trim()
          .split('\n')
          .map((line) => {
            const { durationMs: _, ...rest } = JSON.parse(line) as Record<string, unknown>;
            return rest;
          });
      expect(jsonl(split.jsonlPath!)).toEqual(jsonl(whole.jsonlPath!));
      const store = openRunStore(join(split.directory, 'runs.db'));
      const episodes = store.episodes(second.runId!);
      expect(episodes.map((e) => e.index)).toEqual(Array.from({ length: 30 }, (_, i) => i));
      expect(episodes[4]!.metrics['evalMeanReturn']).toBe(a.evaluations[0]!.meanReturn);
      expect(store.getRun(second.runId!).status).toBe('completed');
      store.close();
    },
    60_000,
  );
});
