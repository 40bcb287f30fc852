import type { Env, SyncEnv } from '../core/env.js';
import { isSyncEnv } from '../core/env.js';
import { createRng } from '../core/random/rng.js';
import { CheckContext } from './check-context.js';
import {
  checkRenderFrame,
  checkResetResult,
  checkSpace,
  checkStepResult,
  type AnySpace,
} from './check-results.js';
import { dataEquivalence } from './data-equivalence.js';
import {
  checkCloseTwice,
  checkRenderMetadata,
  checkRenderModes,
  type FreshEnvFactory,
} from './check-render.js';

/** Options of {@link checkEnv}. */
export interface CheckEnvOptions {
  /** Skip the render checks (for environments whose rendering needs resources the test machine lacks). */
  skipRenderCheck?: boolean;
  /** Skip the check that `close()` twice is harmless. */
  skipCloseCheck?: boolean;
  /** Steps taken with sampled actions (default 32; episodes are restarted as they end). */
  sampledSteps?: number;
  /**
   * Makes a fresh copy of the environment, for the render-mode and close checks. Defaults to the environment's
   * `spec` entry point when it has one; without either, those checks run on `env` itself (and close it last).
   */
  makeEnv?: FreshEnvFactory;
}

/** What {@link checkEnv} found besides errors. */
export interface CheckEnvReport {
  /** Suspicious findings that do not break the contract. */
  warnings: string[];
  /** The checks that ran and passed, in order. */
  checks: string[];
}

const SEED = 123;

/**
 * Checks that an environment follows the Env contract, as Gymnasium's `check_env`, and throws an `EnvCheckError`
 * naming the first problem: the spaces are spaces; `reset` resolves to `{observation, info}` with the observation in
 * its space; `reset({seed})` is deterministic and re-seeds `env.unwrapped.rng` (unless `spec.nondeterministic`);
 * `reset({options})` works; `step` resolves to the five fields (an observation in the space, a finite number reward,
 * boolean flags, a plain-object info) for sampled actions; a seeded step is deterministic; the synchronous face of a
 * `SyncEnv` gives the same results as the async one; `render()` returns frames of the render mode; `close()` twice is
 * harmless. Works on wrapped environments (the generator is read from `env.unwrapped`).
 *
 * @example
 * ```ts
 * const report = await checkEnv(new MyEnv(), { makeEnv: ({ renderMode }) => new MyEnv({ renderMode }) });
 * report.warnings; // e.g. ['A Box observation space maximum value is Infinity. ...']
 * ```
 */
export async function checkEnv(
  env: Env<unknown, unknown, unknown>,
  options: CheckEnvOptions = {},
): Promise<CheckEnvReport> {
  const context = new CheckContext(describeEnv(env));
  await context.run('env-interface', () => {
    checkInterface(context, env);
  });
  let observationSpace: AnySpace | undefined;
  let actionSpace: AnySpace | undefined;
  await context.run('spaces', () => {
    actionSpace = checkSpace(context, env.actionSpace, 'action');
    observationSpace = checkSpace(context, env.observationSpace, 'observation');
  });
  const spaces = { observation: observationSpace!, action: actionSpace! };
  await context.run('reset-result', async () => {
    checkResetResult(
      context,
      await context.call('reset()', () => env.reset()),
      spaces.observation,
      'reset()',
    );
  });
  const deterministic = env.spec?.nondeterministic !== true;
  await context.run('reset-seed-determinism', () =>
    checkResetSeeding(context, env, spaces.observation, deterministic),
  );
  await context.run('reset-options', async () => {
    const result = await context.call('reset({options: {}})', () => env.reset({ options: {} }));
    checkResetResult(context, result, spaces.observation, 'reset({options: {}})');
  });
  await context.run('sampled-steps', () =>
    checkSampledSteps(context, env, spaces, options.sampledSteps ?? 32),
  );
  if (deterministic) await context.run('step-determinism', () => checkStepDeterminism(context, env, spaces));
  if (isSyncEnv(env))
    await context.run('sync-face', () => checkSyncFace(context, env, spaces, deterministic));
  if (options.skipRenderCheck !== true) {
    await context.run('render', async () => {
      checkRenderMetadata(context, env);
      await context.call('reset()', () => env.reset());
      checkRenderFrame(context, await context.call('render()', () => env.render()), env.renderMode);
    });
    await context.run('render-modes', () => checkRenderModes(context, env, options.makeEnv));
  }
  if (options.skipCloseCheck !== true)
    await context.run('close-twice', () => checkCloseTwice(context, env, options.makeEnv));
  return { warnings: context.warnings, checks: context.checks };
}

function describeEnv(env: Env<unknown, unknown, unknown> | null | undefined): string {
  if (typeof env !== 'object' || env === null) return String(env);
  return env.spec?.id ?? String(env);
}

function checkInterface(context: CheckContext, env: Env<unknown, unknown, unknown>): void {
  if (typeof env !== 'object' || env === null)
    context.fail(`the environment must be an Env object, got ${String(env)}.`);
  for (const method of ['reset', 'step', 'render', 'close'] as const) {
    if (typeof env[method] !== 'function') {
      context.fail(`the environment has no ${method}() method; implement Env (or extend SyncEnvBase).`);
    }
  }
  if (typeof env.metadata !== 'object' || env.metadata === null)
    context.fail('the environment has no metadata object.');
  if (env.unwrapped !== env) {
    context.warn(
      `The environment is wrapped (${String(env)}): checkEnv checks the whole stack and reads the generator from ` +
        'env.unwrapped. Pass env.unwrapped to check the raw environment.',
    );
  }
  const declared = (env as { synchronous?: unknown }).synchronous;
  if (declared === true) {
    for (const method of ['resetSync', 'stepSync', 'closeSync']) {
      if (typeof (env as unknown as Record<string, unknown>)[method] !== 'function') {
        context.fail(`the environment declares synchronous: true but has no ${method}() method.`);
      }
    }
  }
}

function rngState(context: CheckContext, env: Env<unknown, unknown, unknown>): string {
  const rng = (env.unwrapped as { rng?: { getState?: unknown } }).rng;
  if (typeof rng !== 'object' || typeof rng.getState !== 'function') {
    return context.fail(
      'env.unwrapped.rng must be an Rng (SyncEnvBase provides one, seeded by reset({seed})).',
    );
  }
  return JSON.stringify((rng.getState as () => unknown).call(rng));
}

async function checkResetSeeding(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  space: AnySpace,
  deterministic: boolean,
): Promise<void> {
  const reset = async (seed?: number) => {
    const call = seed === undefined ? 'reset()' : `reset({seed: ${seed}})`;
    const result = await context.call(call, () => env.reset(seed === undefined ? {} : { seed }));
    return checkResetResult(context, result, space, call);
  };
  const first = await reset(SEED);
  const firstState = rngState(context, env);
  const second = await reset();
  const third = await reset(SEED);
  const thirdState = rngState(context, env);
  const fourth = await reset();
  if (deterministic) {
    if (!dataEquivalence(first, third)) {
      context.fail(`reset({seed: ${SEED}}) is not deterministic: two calls returned different observations.`);
    }
    if (!dataEquivalence(second, fourth)) {
      context.fail(
        `reset({seed: ${SEED}}) then reset() is not deterministic: the second observations differ.`,
      );
    }
    if (!dataEquivalence(first, third, { exact: true }))
      context.warn(`reset({seed: ${SEED}}) observations are close but not equal.`);
    if (!dataEquivalence(second, fourth, { exact: true }))
      context.warn(`reset() after reset({seed: ${SEED}}) observations are close but not equal.`);
  }
  if (firstState !== thirdState) {
    context.fail(
      `reset({seed: ${SEED}}) does not re-seed env.unwrapped.rng: its state differs between two seeded resets. ` +
        'Pass the seed on to the base class (SyncEnvBase.resetSync does it).',
    );
  }
  await reset(456);
  if (rngState(context, env) === firstState) {
    context.fail(
      'reset({seed: 456}) leaves env.unwrapped.rng in the same state as reset({seed: 123}): different seeds must ' +
        'give different generators. Pass the seed on to the base class (SyncEnvBase.resetSync does it).',
    );
  }
}

async function checkSampledSteps(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  spaces: { observation: AnySpace; action: AnySpace },
  steps: number,
): Promise<void> {
  const rng = createRng(0);
  await context.call('reset({seed: 0})', () => env.reset({ seed: 0 }));
  for (let i = 0; i < steps; i++) {
    const sampled = await context.call('actionSpace.sample()', () => spaces.action.sample(rng));
    if (!spaces.action.contains(sampled))
      context.fail(`actionSpace.sample() returned ${String(sampled)}, which the space does not contain.`);
    const call = `step(${JSON.stringify(spaces.action.toJsonValue(sampled))})`;
    const result = checkStepResult(
      context,
      await context.call(call, () => env.step(sampled)),
      spaces.observation,
      call,
    );
    if (result.terminated || result.truncated) await context.call('reset()', () => env.reset());
  }
}

async function checkStepDeterminism(
  context: CheckContext,
  env: Env<unknown, unknown, unknown>,
  spaces: { observation: AnySpace; action: AnySpace },
): Promise<void> {
  const action = spaces.action.sample(createRng(SEED));
  const seededStep = async () => {
    await context.call(`reset({seed: ${SEED}})`, () => env.reset({ seed: SEED }));
    const result = await context.call('step()', () => env.step(structuredClone(action)));
    return checkStepResult(context, result, spaces.observation, 'step()');
  };
  const first = await seededStep();
  const firstState = rngState(context, env);
  const second = await seededStep();
  if (rngState(context, env) !== firstState)
    context.fail(
      'env.unwrapped.rng does not evolve deterministically: a seeded reset and the same step left different states.',
    );
  const same = (name: string, a: unknown, b: unknown, exactOnly = false) => {
    if (!dataEquivalence(a, b, { exact: exactOnly }))
      context.fail(`step() is not deterministic: the same seed and action gave different ${name}.`);
    if (!dataEquivalence(a, b, { exact: true }))
      context.warn(`Step ${name} are close but not equal for the same seed and action.`);
  };
  same('observations', first.observation, second.observation);
  same('rewards', first.reward, second.reward);
  same('terminations', first.terminated, second.terminated, true);
  same('infos', first.info, second.info);
  if (first.truncated || second.truncated)
    context.fail('the environment truncates after one step; something is wrong (a TimeLimit of 1?).');
}

async function checkSyncFace(
  context: CheckContext,
  env: SyncEnv<unknown, unknown, unknown>,
  spaces: { observation: AnySpace; action: AnySpace },
  deterministic: boolean,
): Promise<void> {
  const rng = createRng(SEED);
  const actions: unknown[] = [];
  const asyncTrace: unknown[] = [await context.call('reset({seed})', () => env.reset({ seed: SEED }))];
  for (let i = 0; i < 8; i++) {
    const action = spaces.action.sample(rng);
    actions.push(action);
    const result = await context.call('step()', () => env.step(structuredClone(action)));
    asyncTrace.push(result);
    if (result.terminated || result.truncated) break;
  }
  const asyncState = rngState(context, env);
  const syncReset = await context.call('resetSync({seed})', () => env.resetSync({ seed: SEED }));
  checkResetResult(context, syncReset, spaces.observation, 'resetSync({seed})');
  const syncTrace: unknown[] = [syncReset];
  for (const action of actions) {
    const result = await context.call('stepSync()', () => env.stepSync(structuredClone(action)));
    syncTrace.push(checkStepResult(context, result, spaces.observation, 'stepSync()'));
  }
  if (!deterministic) return;
  for (let i = 0; i < asyncTrace.length; i++) {
    if (!dataEquivalence(asyncTrace[i], syncTrace[i], { exact: true })) {
      context.fail(
        `the synchronous face disagrees with the async one: ${i === 0 ? 'resetSync()' : `stepSync() call ${i}`} returned another result than ${i === 0 ? 'reset()' : 'step()'}.`,
      );
    }
  }
  if (rngState(context, env) !== asyncState)
    context.fail('resetSync()/stepSync() leave env.unwrapped.rng in another state than reset()/step().');
}
