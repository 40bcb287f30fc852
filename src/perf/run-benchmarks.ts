import { isSyncEnv, type Env, type SyncEnv } from '../core/env.js';
import { createRng } from '../core/random/rng.js';
import { isSynchronousVectorEnv, type SynchronousVectorEnv } from '../core/vector-env.js';
import { defaultRegistry } from '../registry/default-registry.js';
import { makeVec } from '../registry/make-vec.js';
import { make } from '../registry/make.js';
import { bareCartPoleSteps } from './bare-cart-pole.js';
import { formatLoopBenchmarks, measureLoopBenchmarks, type LoopBenchmarkReport } from './loop-benchmarks.js';
import { measure, measureAlternately, type Measurement } from './measure.js';
import { formatModelBenchmark, runModelBenchmark, type ModelBenchmarkResult } from './model-benchmarks.js';
import { formatEvalBenchmark, runEvalBenchmark, type EvalBenchmarkReport } from './eval-benchmarks.js';
import {
  formatTrainingBenchmarks,
  measureTrainingBenchmarks,
  type TrainingBenchmarkReport,
} from './training-benchmarks.js';
import {
  formatReplayBenchmarks,
  measureReplayBenchmarks,
  type ReplayBenchmarkReport,
} from './replay-benchmarks.js';

/** Gymnasium 1.4 on this machine, as measured for the issue (steps per second). */
const GYMNASIUM_MAKE = 146_000;
const GYMNASIUM_VECTOR_256 = 4_200_000;

const actionRng = createRng(0);
const ACTIONS = Int32Array.from({ length: 4096 }, () => actionRng.integers(0, 6));

async function asyncSteps(env: Env<unknown, number>, steps: number, actions: Int32Array): Promise<void> {
  await env.reset({ seed: 0 });
  for (let i = 0; i < steps; i++) {
    const result = await env.step(actions[i & 4095]! & 1);
    if (result.terminated || result.truncated) await env.reset();
  }
}

function syncSteps(env: SyncEnv<unknown, number>, steps: number, actions: Int32Array, actionCount = 2): void {
  env.resetSync({ seed: 0 });
  for (let i = 0; i < steps; i++) {
    const result = env.stepSync(actions[i & 4095]! % actionCount);
    if (result.terminated || result.truncated) env.resetSync();
  }
}

/**
 * Batches of 0/1 actions for 256 environments, made once: like the bare kernel, which reads its actions from an
 * array, the vectorized runs measure the environment, not the making of actions.
 */
const ACTION_BATCHES = Array.from({ length: 64 }, (_, t) =>
  Int32Array.from({ length: 256 }, (_, i) => ACTIONS[(t * 7 + i) & 4095]! & 1),
);

function vectorSteps(envs: SynchronousVectorEnv<unknown, Int32Array>, steps: number): void {
  envs.resetSync({ seed: 0 });
  for (let t = 0; t < steps; t++) envs.stepSync(ACTION_BATCHES[t & 63]!);
}

function syncEnvOf(id: string, wrapped: boolean): SyncEnv<unknown, number> {
  const env = wrapped ? make(id) : defaultRegistry.spec(id).entryPoint({});
  if (!isSyncEnv(env)) throw new Error(`${id} is not synchronous`);
  return env as SyncEnv<unknown, number>;
}

function vectorOf(id: string, numEnvs: number, copy: boolean): SynchronousVectorEnv<unknown, Int32Array> {
  const envs = makeVec<unknown, Int32Array>(id, numEnvs, { copy });
  if (!isSynchronousVectorEnv(envs)) throw new Error(`${id} vector is not synchronous`);
  return envs;
}

interface Row {
  measurement: Measurement;
  baseline: Measurement;
  reference?: { name: string; perSecond: number };
  target?: { text: string; met: boolean };
}

function format(perSecond: number): string {
  return perSecond >= 1e6 ? `${(perSecond / 1e6).toFixed(2)} M/s` : `${(perSecond / 1e3).toFixed(0)} k/s`;
}

/**
 * `npm run bench`: six groups, each beside a baseline measured in the same run. `classic`: steps per second of
 * the classic environments through `make()`, unwrapped, synchronous and vectorized, beside a bare typed-array
 * CartPole loop and the Gymnasium figures measured on this machine. `loops`: the bundled loop environments in sim
 * beside Python SimEnv's figures. `models`: model calls through the facade against the local model server beside
 * the bare SDK and raw HTTP. `eval`: 10,000 episodes of a scripted agent on FrozenLake through `evaluate()` with the
 * run store beside the same episodes in a plain loop, and peak memory at 1k and 10k episodes. `replay`: replayed
 * LoopNet steps per second and the JSONL read rate and memory on a generated corpus. `training`: how long each
 * learning target of the agents takes to train and what it reaches. `--only classic,loops` picks
 * groups; `--check` exits 1 when a target is missed; `--json` prints JSON.
 */
const GROUPS = ['classic', 'loops', 'models', 'eval', 'replay', 'training'] as const;
type Group = (typeof GROUPS)[number];

/** The groups named by `--only a,b` (default all), with a clear error for an unknown one. */
function selectedGroups(argv: readonly string[]): Set<Group> {
  const index = argv.indexOf('--only');
  if (index < 0) return new Set(GROUPS);
  const names = (argv[index + 1] ?? '').split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => !(GROUPS as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new Error(
      `--only takes a comma-separated list of ${GROUPS.join(', ')}; got "${argv[index + 1] ?? ''}"`,
    );
  }
  return new Set(names as Group[]);
}

interface ClassicReport {
  baseline: { single: Measurement; batch: Measurement };
  rows: Row[];
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const json = process.argv.includes('--json');
  const scale = Number(process.env['LOOPGYM_BENCH_SCALE'] ?? '1');
  if (!(scale > 0))
    throw new Error(
      `LOOPGYM_BENCH_SCALE must be a positive number; got ${process.env['LOOPGYM_BENCH_SCALE']}`,
    );
  const groups = selectedGroups(process.argv);
  // Each group is printed as soon as it is measured (the whole benchmark takes a minute or two).
  const emit = (lines: readonly string[]): void => {
    if (!json) console.log([...lines, ''].join('\n'));
  };
  const classic = groups.has('classic') ? await measureClassic(scale) : undefined;
  if (classic !== undefined) emit(formatClassic(classic));
  let loops: LoopBenchmarkReport | undefined;
  if (groups.has('loops')) {
    loops = await measureLoopBenchmarks({ scale });
    emit(formatLoopBenchmarks(loops));
  }
  let models: ModelBenchmarkResult | undefined;
  if (groups.has('models')) {
    models = await runModelBenchmark();
    emit(formatModelBenchmark(models));
  }
  let evaluation: EvalBenchmarkReport | undefined;
  if (groups.has('eval')) {
    evaluation = await runEvalBenchmark({ episodes: Math.max(100, Math.round(10_000 * scale)) });
    emit(formatEvalBenchmark(evaluation));
  }
  let replay: ReplayBenchmarkReport | undefined;
  if (groups.has('replay')) {
    replay = await measureReplayBenchmarks({ scale });
    emit(formatReplayBenchmarks(replay));
  }
  let training: TrainingBenchmarkReport | undefined;
  if (groups.has('training')) {
    training = await measureTrainingBenchmarks();
    emit(formatTrainingBenchmarks(training));
  }
  const missed = [
    ...(classic?.rows ?? [])
      .filter((r) => r.target !== undefined && !r.target.met)
      .map((r) => r.measurement.name),
    ...(loops !== undefined && !loops.targetMet ? ['loop environments'] : []),
    ...(models !== undefined && !models.targets.throughput.met ? ['model call throughput'] : []),
    ...(models !== undefined && !models.targets.cpu.met ? ['model call CPU'] : []),
    ...(evaluation !== undefined && !evaluation.targetMet ? ['evaluation runner and store overhead'] : []),
    ...(replay !== undefined && !replay.targetMet ? ['replayed steps'] : []),
    ...(training !== undefined && !training.targetMet ? ['learning targets'] : []),
  ];
  if (json) {
    console.log(
      JSON.stringify({ classic, loops, models, eval: evaluation, replay, training, missed }, null, 2),
    );
  } else {
    console.log(missed.length === 0 ? 'All targets met.' : `Targets missed: ${missed.join('; ')}.`);
  }
  if (check && missed.length > 0) process.exitCode = 1;
}

async function measureClassic(scale: number): Promise<ClassicReport> {
  const single = Math.round(1_000_000 * scale);
  const vectorRounds = Math.max(1, Math.round(4_000 * scale));

  const bareSingle = await measure('bare CartPole kernel, 1 env', single, () =>
    bareCartPoleSteps(1, single, ACTIONS),
  );
  // The 256-environment runs whose ratio is a target, measured in turn (see measureAlternately), 15 times each:
  // on a busy machine the best of more repetitions is more often a quiet one.
  const vectorUnits = 256 * vectorRounds;
  const [bareBatch, vectorNoCopy, vectorCopy] = (await measureAlternately(
    [
      {
        name: 'bare CartPole kernel, 256 envs',
        units: vectorUnits,
        work: () => bareCartPoleSteps(256, vectorRounds, ACTIONS),
      },
      ...[false, true].map((copy) => {
        const envs = vectorOf('CartPole-v1', 256, copy);
        return {
          name: `CartPole-v1 x256 batched, copy=${copy}`,
          units: vectorUnits,
          work: () => vectorSteps(envs, vectorRounds),
        };
      }),
    ],
    15,
  )) as [Measurement, Measurement, Measurement];

  const rows: Row[] = [];
  const cartPole = make<unknown, number>('CartPole-v1');
  const asyncCartPole = await measure('CartPole-v1 via make(), await step()', single, () =>
    asyncSteps(cartPole, single, ACTIONS),
  );
  const asyncTarget = 15 * GYMNASIUM_MAKE;
  rows.push({
    measurement: asyncCartPole,
    baseline: bareSingle,
    reference: { name: 'Gymnasium make()', perSecond: GYMNASIUM_MAKE },
    target: {
      text: `>= 15x Gymnasium (${format(asyncTarget)})`,
      met: asyncCartPole.perSecond >= asyncTarget,
    },
  });
  rows.push({
    measurement: await measure('CartPole-v1 via make(), stepSync()', single, () =>
      syncSteps(syncEnvOf('CartPole-v1', true), single, ACTIONS),
    ),
    baseline: bareSingle,
    reference: { name: 'Gymnasium make()', perSecond: GYMNASIUM_MAKE },
  });
  rows.push({
    measurement: await measure('CartPole-v1 unwrapped, stepSync()', single, () =>
      syncSteps(syncEnvOf('CartPole-v1', false), single, ACTIONS),
    ),
    baseline: bareSingle,
    reference: { name: 'Gymnasium make()', perSecond: GYMNASIUM_MAKE },
  });
  for (const vector of [vectorNoCopy, vectorCopy]) {
    const row: Row = {
      measurement: vector,
      baseline: bareBatch,
      reference: { name: 'Gymnasium vector x256', perSecond: GYMNASIUM_VECTOR_256 },
    };
    if (vector === vectorNoCopy) {
      const met = vector.perSecond >= 25e6 && vector.perSecond * 1.5 >= bareBatch.perSecond;
      row.target = { text: '>= 25 M/s and within 1.5x of the bare kernel', met };
    }
    rows.push(row);
  }
  for (const [id, actionCount] of [
    ['FrozenLake-v1', 4],
    ['Taxi-v4', 6],
  ] as const) {
    const env = make<unknown, number>(id);
    const steps = Math.round(single / 2);
    rows.push({
      measurement: await measure(`${id} via make(), await step()`, steps, async () => {
        await env.reset({ seed: 0 });
        for (let i = 0; i < steps; i++) {
          const result = await env.step(ACTIONS[i & 4095]! % actionCount);
          if (result.terminated || result.truncated) await env.reset();
        }
      }),
      baseline: bareSingle,
      reference: { name: 'Gymnasium make() (CartPole)', perSecond: GYMNASIUM_MAKE },
    });
  }

  return { baseline: { single: bareSingle, batch: bareBatch }, rows };
}

function formatClassic({ baseline, rows }: ClassicReport): string[] {
  const lines = [
    `Baselines (same run): ${baseline.single.name} ${format(baseline.single.perSecond)}; ${baseline.batch.name} ${format(baseline.batch.perSecond)}`,
    '',
  ];
  for (const row of rows) {
    const { measurement, baseline: base, reference, target } = row;
    const parts = [
      `${measurement.name.padEnd(42)} ${format(measurement.perSecond).padStart(11)}`,
      `${(measurement.perSecond / base.perSecond).toFixed(3)}x bare`,
    ];
    if (reference !== undefined)
      parts.push(`${(measurement.perSecond / reference.perSecond).toFixed(1)}x ${reference.name}`);
    if (target !== undefined) parts.push(`target ${target.text}: ${target.met ? 'met' : 'MISSED'}`);
    lines.push(parts.join('  |  '));
  }
  return lines;
}

await main();
