import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LoopGymError, RegistrationError } from '../../../core/errors.js';
import { runEvaluator } from './__fixtures__/evaluation-context.js';
import { createVerdict } from './create-verdict.js';
import { defineDeterministicEvaluator } from './define-deterministic-evaluator.js';
import type { DeterministicEvaluator } from './deterministic-evaluator.js';
import {
  DeterministicEvaluatorNotFoundError,
  EvaluatorParameterError,
} from './deterministic-evaluator-errors.js';
import { DeterministicEvaluatorRegistry } from './deterministic-evaluator-registry.js';
import { createDefaultEvaluatorRegistry } from './create-default-evaluator-registry.js';

const shout = defineDeterministicEvaluator({
  name: 'evaluators.shout',
  description: 'The output is in capitals.',
  parameters: z.object({
    min_ratio: z.number().min(0).max(1).default(1),
    exclude: z.array(z.string()).default([]),
  }),
  evaluate: ({ outputs }, { min_ratio }) => {
    const letters = (outputs.at(-1)?.text ?? '').replace(/[^A-Za-z]/gu, '');
    const ratio = letters.length === 0 ? 1 : letters.replace(/[^A-Z]/gu, '').length / letters.length;
    return createVerdict({ score: ratio, passed: ratio >= min_ratio, summary: `${ratio}` });
  },
});

const untyped: DeterministicEvaluator = {
  name: 'evaluators.untyped',
  description: 'Takes anything.',
  evaluate: () => createVerdict({ score: 1, summary: 'ok' }),
};

describe('DeterministicEvaluatorRegistry', () => {
  it('registers, finds (with or without the prefix), and lists names sorted', () => {
    const registry = new DeterministicEvaluatorRegistry().register(untyped).register(shout);
    expect(registry.get('evaluators.shout')).toBe(shout);
    expect(registry.get('shout')).toBe(shout);
    expect(registry.has('evaluators.untyped')).toBe(true);
    expect(registry.has('untyped')).toBe(true);
    expect(registry.has('evaluators.whisper')).toBe(false);
    expect(registry.names()).toEqual(['evaluators.shout', 'evaluators.untyped']);
  });

  it('refuses a second evaluator with the same name, and blank names', () => {
    const registry = new DeterministicEvaluatorRegistry().register(shout);
    expect(() => registry.register({ ...untyped, name: 'evaluators.shout' })).toThrow(RegistrationError);
    expect(() => registry.register({ ...untyped, name: 'evaluators.shout' })).toThrow(
      /`evaluators.shout`: a deterministic evaluator with that name is already registered/u,
    );
    expect(() => registry.register({ ...untyped, name: ' ' })).toThrow(/non-empty name/u);
  });

  it('says "did you mean" for a misspelled name, and is a LoopGymError', () => {
    const registry = createDefaultEvaluatorRegistry();
    let caught: unknown;
    try {
      registry.get('evaluators.word_cont_max');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DeterministicEvaluatorNotFoundError);
    expect(caught).toBeInstanceOf(LoopGymError);
    const error = caught as DeterministicEvaluatorNotFoundError;
    expect(error.suggestions[0]).toBe('evaluators.word_count_max');
    expect(error.message).toBe(
      'No deterministic evaluator named `evaluators.word_cont_max`. ' +
        'Did you mean `evaluators.word_count_max` or `evaluators.word_count_min`?',
    );
    expect(error.code).toBe('evaluator-not-found');
    expect(() => registry.get('test_pas_rate')).toThrow(/Did you mean `evaluators.test_pass_rate`\?/u);
  });

  it('lists the registered names when nothing is close', () => {
    const registry = new DeterministicEvaluatorRegistry().register(shout);
    expect(() => registry.get('evaluators.completely_different')).toThrow(
      'No deterministic evaluator named `evaluators.completely_different`. Registered: `evaluators.shout`.',
    );
  });

  it('gives an implementation more names with alias()', () => {
    const registry = new DeterministicEvaluatorRegistry()
      .register(shout)
      .alias('evaluators.caps', 'evaluators.shout');
    expect(registry.get('caps')).toBe(shout);
    expect(registry.aliases()).toEqual({ 'evaluators.caps': 'evaluators.shout' });
    expect(registry.names()).toEqual(['evaluators.caps', 'evaluators.shout']);
    expect(() => registry.alias('evaluators.caps', 'evaluators.shout')).toThrow(/an alias with that name/u);
    expect(() => registry.alias('evaluators.x', 'evaluators.nothing')).toThrow(
      /Register the implementation first/u,
    );
    expect(() => registry.register({ ...untyped, name: 'evaluators.caps' })).toThrow(RegistrationError);
  });

  it('lets users add their own evaluators to the default registry without touching other registries', () => {
    const mine = createDefaultEvaluatorRegistry().register(shout);
    expect(mine.has('evaluators.shout')).toBe(true);
    expect(createDefaultEvaluatorRegistry().has('evaluators.shout')).toBe(false);
  });
});

describe('resolveParameters', () => {
  const registry = new DeterministicEvaluatorRegistry().register(shout).register(untyped);

  it('applies defaults and keeps given values', () => {
    expect(registry.resolveParameters('evaluators.shout', undefined)).toEqual({ min_ratio: 1, exclude: [] });
    expect(registry.resolveParameters(shout, { min_ratio: 0.5 })).toEqual({ min_ratio: 0.5, exclude: [] });
    expect(registry.resolveParameters('untyped', { anything: [1] })).toEqual({ anything: [1] });
  });

  it('names the evaluator, its id and the bad parameter', () => {
    let caught: unknown;
    try {
      registry.resolveParameters('evaluators.shout', { min_ratio: 2 }, { evaluatorId: 'caps_check' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EvaluatorParameterError);
    const error = caught as EvaluatorParameterError;
    expect(error.parameter).toBe('min_ratio');
    expect(error.evaluatorName).toBe('evaluators.shout');
    expect(error.evaluatorId).toBe('caps_check');
    expect(error.message).toMatch(
      /^Invalid parameters for deterministic evaluator `caps_check` \(evaluators.shout\): `min_ratio`: Too big: expected number to be <=1 \(got 2\)\. Fix them in the task material/u,
    );
  });

  it('names nested parameters by path', () => {
    expect(() => registry.resolveParameters(shout, { exclude: ['a', 3] })).toThrow(/`exclude.1`/u);
  });

  it('refuses unknown parameters with a suggestion, and parameters that are not a mapping', () => {
    expect(() => registry.resolveParameters(shout, { min_ration: 1 })).toThrow(
      /`min_ration`: unknown parameter. Did you mean `min_ratio`\?/u,
    );
    expect(() => registry.resolveParameters(shout, { zzz: 1 })).toThrow(
      /unknown parameter \(known: `min_ratio`, `exclude`\)/u,
    );
    expect(() => registry.resolveParameters(shout, [1])).toThrow(
      /must be a mapping of names to values, got a list/u,
    );
    expect(() => registry.resolveParameters(shout, 'x')).toThrow(/got string/u);
  });

  it('is what evaluate() applies too', async () => {
    await expect(runEvaluator(shout, { outputs: ['ABC'], parameters: { min_ratio: 'all' } })).rejects.toThrow(
      EvaluatorParameterError,
    );
    expect((await runEvaluator(shout, { outputs: ['ABc'], parameters: { min_ratio: 0.5 } })).passed).toBe(
      true,
    );
  });
});
