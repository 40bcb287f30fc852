/**
 * Test helpers: read the Gymnasium wrapper fixtures written by `scripts/reference/gymnasium_wrappers.py` and turn
 * their raw event sequences into scripted environments.
 */
import { readFileSync } from 'node:fs';
import { Box } from '../../spaces/box.js';
import type { Space } from '../../core/space.js';
import type { BoxDtype } from '../../spaces/dtype.js';
import { episodesFromEvents, ScriptedEnv, type ScriptedEvent } from '../../testing/scripted-env.js';

/** One recorded call, as the generator writes it (`observation`/`action` null where not recorded). */
export interface RecordedEvent {
  kind: 'reset' | 'step';
  observation: number[] | null;
  action?: number | number[] | null;
  reward?: number;
  terminated?: boolean;
  truncated?: boolean;
  episode?: { r: number; l: number };
}

/** A fixture file: the generator's versions and the cases. */
export interface Fixture<T> {
  gymnasium: string;
  cases: T;
}

/** Reads a fixture file; cast the result to `Fixture<YourCase[]>`. */
export function readFixture(name: string): Fixture<unknown> {
  return JSON.parse(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8')) as Fixture<unknown>;
}

/** `'inf'`, `'-inf'` or a decimal, as the generator writes bounds. */
export function parseBound(text: string): number {
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

/** A scripted environment replaying `events` with float32 Box observations and the given action space. */
export function scriptedFromEvents<Act>(
  events: readonly RecordedEvent[],
  actionSpace: Space<Act, unknown>,
): ScriptedEnv<Float32Array, Act> {
  const size = events.find((event) => event.observation !== null)?.observation?.length ?? 1;
  const scripted: ScriptedEvent<Float32Array>[] = events.map((event) => {
    const observation = Float32Array.from(event.observation ?? new Array<number>(size).fill(0));
    if (event.kind === 'reset') return { kind: 'reset', observation };
    return {
      kind: 'step',
      observation,
      reward: event.reward ?? 0,
      terminated: event.terminated ?? false,
      truncated: event.truncated ?? false,
    };
  });
  return new ScriptedEnv<Float32Array, Act>({
    observationSpace: new Box<'float32'>(-Infinity, Infinity, [size]),
    actionSpace,
    episodes: episodesFromEvents(scripted),
  });
}

/** Events rebuilt from the column form of reward-only cases. */
export function eventsFromColumns(columns: {
  kinds: string;
  rewards: number[];
  terminated: string;
  truncated: string;
}): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let step = 0;
  for (const kind of columns.kinds) {
    if (kind === 'R') {
      events.push({ kind: 'reset', observation: null });
    } else {
      events.push({
        kind: 'step',
        observation: null,
        reward: columns.rewards[step]!,
        terminated: columns.terminated[step] === '1',
        truncated: columns.truncated[step] === '1',
      });
      step += 1;
    }
  }
  return events;
}

/** The bits of float values for exact comparison (`-0` and `0` differ, NaN equals NaN). */
export function bits(values: ArrayLike<number>): string[] {
  return Array.from(values, (value) => (Object.is(value, -0) ? '-0' : String(value)));
}

/** `space` as a Box (fails the test otherwise). */
export function boxOf(space: Space<unknown, unknown>): Box<BoxDtype> {
  if (!(space instanceof Box)) throw new Error(`expected a Box, got ${String(space)}`);
  return space as Box<BoxDtype>;
}
