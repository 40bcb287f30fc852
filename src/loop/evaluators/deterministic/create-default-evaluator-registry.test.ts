import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeTask, runEvaluator } from './__fixtures__/evaluation-context.js';
import {
  BUILTIN_DETERMINISTIC_EVALUATORS,
  createDefaultEvaluatorRegistry,
} from './create-default-evaluator-registry.js';
import { EvaluatorParameterError } from './deterministic-evaluator-errors.js';

const SPECS = join(import.meta.dirname, '../../../lss/__fixtures__/specs');

async function specFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory()
        ? specFiles(join(directory, entry.name))
        : Promise.resolve(/\.ya?ml$/u.test(entry.name) ? [join(directory, entry.name)] : []),
    ),
  );
  return nested.flat().sort();
}

/** Every `implementation:` of a deterministic evaluator in the bundled specs. */
async function specImplementations(): Promise<string[]> {
  const names = new Set<string>();
  for (const file of await specFiles(SPECS)) {
    const document = parse(await readFile(file, 'utf8')) as {
      evaluators?: { type?: string; implementation?: string }[];
    };
    for (const evaluator of document.evaluators ?? []) {
      if (evaluator.type === 'deterministic' && evaluator.implementation !== undefined)
        names.add(evaluator.implementation);
    }
  }
  return [...names].sort();
}

/** Parameters that have no sensible default, by evaluator. */
const REQUIRED_PARAMETERS: Readonly<Record<string, string>> = {
  'evaluators.contains_all': 'phrases',
  'evaluators.exact_match': 'expected',
  'evaluators.regex_match': 'pattern',
};

describe('createDefaultEvaluatorRegistry', () => {
  it('resolves every implementation the bundled specs name', async () => {
    const implementations = await specImplementations();
    expect(implementations).toEqual([
      'evaluators.approval_required',
      'evaluators.citation_count_min',
      'evaluators.citation_integrity',
      'evaluators.schema_validate',
      'evaluators.security_veto_check',
      'evaluators.test_pass_rate',
      'evaluators.test_suite_pass',
      'evaluators.tool_denylist_check',
      'evaluators.word_count_max',
    ]);
    const registry = createDefaultEvaluatorRegistry();
    for (const name of implementations) expect(registry.get(name).name).toBe(name);
  });

  it('holds every built-in, each named evaluators.<snake_case>, described, with a parameter schema', () => {
    const registry = createDefaultEvaluatorRegistry();
    expect(registry.names()).toEqual(BUILTIN_DETERMINISTIC_EVALUATORS.map((evaluator) => evaluator.name));
    for (const evaluator of BUILTIN_DETERMINISTIC_EVALUATORS) {
      expect(evaluator.name).toMatch(/^evaluators\.[a-z]+(?:_[a-z]+)*$/u);
      expect(evaluator.description.length).toBeGreaterThan(20);
      expect(evaluator.parameters).toBeDefined();
      expect(evaluator.cacheable).toBe(true);
    }
  });

  it('gives each built-in usable defaults, or names the parameter it cannot do without', () => {
    const registry = createDefaultEvaluatorRegistry();
    for (const evaluator of BUILTIN_DETERMINISTIC_EVALUATORS) {
      const required = REQUIRED_PARAMETERS[evaluator.name];
      if (required === undefined) {
        expect(() => registry.resolveParameters(evaluator, {}), evaluator.name).not.toThrow();
      } else {
        expect(() => registry.resolveParameters(evaluator, {}), evaluator.name).toThrow(
          expect.objectContaining({ parameter: required }) as Error,
        );
      }
    }
  });

  it('judges an empty output with each parameter-free built-in without throwing (bar missing task material)', async () => {
    for (const evaluator of BUILTIN_DETERMINISTIC_EVALUATORS) {
      if (REQUIRED_PARAMETERS[evaluator.name] !== undefined) continue;
      if (['evaluators.fact_coverage', 'evaluators.test_pass_rate'].includes(evaluator.name)) continue;
      const verdict = await runEvaluator(evaluator, { outputs: [''], task: makeTask() });
      expect(verdict.score, evaluator.name).toBeGreaterThanOrEqual(0);
      expect(verdict.score, evaluator.name).toBeLessThanOrEqual(1);
      expect(verdict.passed, evaluator.name).toBe(verdict.score === 1);
      expect(() => JSON.stringify(verdict), evaluator.name).not.toThrow();
    }
  });

  it('refuses bad parameters with EvaluatorParameterError', () => {
    const registry = createDefaultEvaluatorRegistry();
    expect(() => registry.resolveParameters('evaluators.regex_match', { pattern: '(' })).toThrow(
      EvaluatorParameterError,
    );
    expect(() => registry.resolveParameters('evaluators.test_pass_rate', { timeout_seconds: -1 })).toThrow(
      /`timeout_seconds`/u,
    );
  });
});
