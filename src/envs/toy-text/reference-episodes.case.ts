// Test helpers: read Gymnasium reference episodes (JSONL) and replay them through LoopGym's toy-text environments.
import { readFileSync } from 'node:fs';
import type { RenderMode, SyncEnv } from '../../core/env.js';
import { resolveEnvOptions } from '../../registry/env-options.js';
import { Registry } from '../../registry/registry.js';
import { toyTextRegistrations } from './toy-text-registrations.js';

/** One step of a reference episode, as Gymnasium returned it. */
export interface ReferenceStep {
  obs: unknown;
  reward: number;
  terminated: boolean;
  truncated: boolean;
  info: Record<string, unknown>;
}

/** One recorded episode (see `src/envs/__fixtures__/README.md` and `scripts/reference/gymnasium_toy_text.py`). */
export interface ReferenceEpisode {
  env_id: string;
  kwargs: Record<string, unknown>;
  seed: number;
  actions: number[];
  reset: { obs: unknown; info: Record<string, unknown> };
  steps: ReferenceStep[];
  max_recorded_steps?: number;
  ansi?: string[];
  generate_random_map?: { size: number; p: number; seed: number };
}

/** The episodes of a JSONL file, keeping those whose `env_id` is in `ids` (all when omitted). */
export function readReferenceEpisodes(url: URL, ids?: ReadonlySet<string>): ReferenceEpisode[] {
  return readFileSync(url, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as ReferenceEpisode)
    .filter((episode) => ids === undefined || ids.has(episode.env_id));
}

const registry = new Registry();
for (const registration of toyTextRegistrations) registry.register(registration);

/** The ids registered by `toyTextRegistrations`. */
export const TOY_TEXT_IDS: ReadonlySet<string> = new Set(toyTextRegistrations.map((r) => r.id));

/**
 * A bare environment (no wrappers) built from its registration with Gymnasium-style `kwargs` (snake_case accepted),
 * and the registered step limit, which the replay applies itself.
 */
export function createToyTextEnv(
  id: string,
  kwargs: Record<string, unknown>,
  renderMode?: RenderMode,
): { env: SyncEnv<unknown, number>; maxEpisodeSteps: number | undefined } {
  const spec = registry.spec(id);
  const options = resolveEnvOptions(spec, kwargs);
  const env = spec.entryPoint(renderMode === undefined ? options : { ...options, renderMode });
  return { env: env as SyncEnv<unknown, number>, maxEpisodeSteps: spec.maxEpisodeSteps };
}

/** A value as it appears in the JSON fixture: tuples and typed arrays become plain arrays. */
export function toPlain(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toPlain(inner)]));
  }
  return value;
}

/**
 * Replays `episode`'s actions on a fresh environment (reset with its seed, the registered time limit applied by
 * hand), returning what LoopGym produced in the fixture's shape, with the ansi frames when the episode has some.
 */
export function replayEpisode(episode: ReferenceEpisode): ReferenceEpisode {
  const withAnsi = episode.ansi !== undefined;
  const { env, maxEpisodeSteps } = createToyTextEnv(
    episode.env_id,
    episode.kwargs,
    withAnsi ? 'ansi' : undefined,
  );
  const reset = env.resetSync({ seed: episode.seed });
  const frames: string[] = [];
  const render = (): void => {
    if (withAnsi && frames.length < episode.ansi!.length) frames.push(env.render() as string);
  };
  render();
  const steps: ReferenceStep[] = [];
  for (const action of episode.actions) {
    const result = env.stepSync(action);
    const truncated =
      result.truncated || (maxEpisodeSteps !== undefined && steps.length + 1 >= maxEpisodeSteps);
    steps.push({
      obs: toPlain(result.observation),
      reward: result.reward,
      terminated: result.terminated,
      truncated,
      info: toPlain(result.info) as Record<string, unknown>,
    });
    render();
    if (result.terminated || truncated) break;
  }
  const replayed: ReferenceEpisode = {
    ...episode,
    reset: { obs: toPlain(reset.observation), info: toPlain(reset.info) as Record<string, unknown> },
    steps,
  };
  if (withAnsi) replayed.ansi = frames;
  return replayed;
}
