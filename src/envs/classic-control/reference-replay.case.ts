// Shared helpers of the classic-control parity tests: read recorded Gymnasium episodes (JSONL) and replay them on an
// environment class, applying the registered step limit as Gymnasium's TimeLimit does.
import { readFileSync } from 'node:fs';
import type { SyncEnv } from '../../core/env.js';

/** One step of the official fixture format. */
interface OfficialStep {
  obs: number[];
  reward: number;
  terminated: boolean;
  truncated: boolean;
}

/** An episode in either fixture format, decoded. */
export interface RecordedEpisode {
  envId: string;
  label: string;
  kwargs: Record<string, unknown>;
  seed: number;
  options: Record<string, unknown> | undefined;
  maxEpisodeSteps: number | undefined;
  /** Integers, or one Float32Array of one value per step for continuous actions. */
  actions: number[] | Float32Array[];
  resetObservation: number[];
  /** Every step's observation, concatenated. */
  observations: Float32Array;
  rewards: Float64Array;
  terminated: boolean[];
  truncated: boolean[];
  /** The float64 internal state after every step, concatenated, when recorded. */
  states: Float64Array | undefined;
}

/** Little-endian bytes in base64 as a typed array. */
export function decodeFloat32(base64: string): Float32Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float32Array(new Uint8Array(bytes).buffer);
}

/** Little-endian float64 bytes in base64 as a Float64Array. */
export function decodeFloat64(base64: string): Float64Array {
  const bytes = Buffer.from(base64, 'base64');
  return new Float64Array(new Uint8Array(bytes).buffer);
}

/** Bytes in base64 as a Uint8Array. */
export function decodeBytes(base64: string): Uint8Array {
  return new Uint8Array(Buffer.from(base64, 'base64'));
}

function lines(url: URL): Record<string, unknown>[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Reads the official Gymnasium reference file (`gymnasium-episodes-seed0-4.jsonl`). */
export function readOfficialEpisodes(url: URL): RecordedEpisode[] {
  return lines(url).map((raw) => {
    const steps = raw.steps as OfficialStep[];
    const actions = raw.actions as (number | number[])[];
    return {
      envId: raw.env_id as string,
      label: 'official',
      kwargs: raw.kwargs as Record<string, unknown>,
      seed: raw.seed as number,
      options: undefined,
      maxEpisodeSteps: undefined,
      actions: actions.map((a) => (typeof a === 'number' ? a : Float32Array.from(a))) as
        number[] | Float32Array[],
      resetObservation: (raw.reset as { obs: number[] }).obs,
      observations: Float32Array.from(steps.flatMap((step) => step.obs)),
      rewards: Float64Array.from(steps.map((step) => step.reward)),
      terminated: steps.map((step) => step.terminated),
      truncated: steps.map((step) => step.truncated),
      states: undefined,
    };
  });
}

/** Reads LoopGym's compact fixture (`scripts/reference/gymnasium_classic_control.py`). */
export function readCompactEpisodes(url: URL): RecordedEpisode[] {
  return lines(url).map((raw) => {
    const rewards = decodeFloat64(raw.rewards as string);
    const count = rewards.length;
    const actions =
      typeof raw.actions === 'string'
        ? Array.from(decodeFloat32(raw.actions), (value) => Float32Array.of(value))
        : (raw.actions as number[]);
    const flags = (last: boolean) => Array.from({ length: count }, (_, t) => t === count - 1 && last);
    return {
      envId: raw.env_id as string,
      label: raw.label as string,
      kwargs: raw.kwargs as Record<string, unknown>,
      seed: raw.seed as number,
      options: (raw.options as Record<string, unknown> | null) ?? undefined,
      maxEpisodeSteps: raw.max_episode_steps as number,
      actions,
      resetObservation: raw.reset_obs as number[],
      observations: decodeFloat32(raw.obs as string),
      rewards,
      terminated: flags(raw.terminated as boolean),
      truncated: flags(raw.truncated as boolean),
      states: typeof raw.states === 'string' ? decodeFloat64(raw.states) : undefined,
    };
  });
}

/** Differences between a replay and the recording, as readable lines (empty when identical). */
export function replayEpisode(
  env: SyncEnv<Float32Array, number | Float32Array>,
  episode: RecordedEpisode,
  maxEpisodeSteps: number,
): string[] {
  const problems: string[] = [];
  const reset = env.resetSync({ seed: episode.seed, options: episode.options });
  const size = reset.observation.length;
  compare(problems, 'reset', Array.from(reset.observation), episode.resetObservation);
  for (let t = 0; t < episode.actions.length && problems.length < 5; t++) {
    const result = env.stepSync(episode.actions[t]!);
    const expected = Array.from(episode.observations.subarray(t * size, (t + 1) * size));
    compare(problems, `step ${t}`, Array.from(result.observation), expected);
    if (result.reward !== episode.rewards[t])
      problems.push(`step ${t}: reward ${result.reward} != ${episode.rewards[t]}`);
    if (result.terminated !== episode.terminated[t])
      problems.push(`step ${t}: terminated ${result.terminated}`);
    const truncated = result.truncated || t + 1 >= maxEpisodeSteps;
    if (truncated !== episode.truncated[t]) problems.push(`step ${t}: truncated ${truncated}`);
    if (episode.states !== undefined) {
      const state = (env as unknown as { state: Float64Array }).state;
      const recordedState = Array.from(episode.states.subarray(t * state.length, (t + 1) * state.length));
      if (Array.from(state).some((v, j) => v !== recordedState[j])) {
        problems.push(
          `step ${t}: state ${JSON.stringify(Array.from(state))} != ${JSON.stringify(recordedState)}`,
        );
      }
    }
  }
  return problems.map((p) => `${episode.envId} (${episode.label}) seed ${episode.seed}: ${p}`);
}

function compare(problems: string[], where: string, actual: number[], expected: number[]): void {
  if (actual.length !== expected.length || actual.some((v, i) => v !== expected[i])) {
    problems.push(`${where}: observation ${JSON.stringify(actual)} != ${JSON.stringify(expected)}`);
  }
}
