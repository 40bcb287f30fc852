import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeOutput, makeTask, runEvaluator } from '../__fixtures__/evaluation-context.js';
import { EvaluatorParameterError, MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { schemaValidate } from './schema-validate.js';

const schema = {
  type: 'object',
  required: ['steps', 'owner'],
  properties: {
    steps: { type: 'array', items: { type: 'string' }, minItems: 1 },
    owner: { type: 'string' },
    risk: { enum: ['low', 'high'] },
  },
  additionalProperties: false,
};

const json = (text: string) => makeOutput(text, { format: 'json' });

describe('evaluators.schema_validate', () => {
  it('passes JSON that fits the schema', async () => {
    const verdict = await runEvaluator(schemaValidate, {
      outputs: [json('{"steps": ["a"], "owner": "me", "risk": "low"}')],
      parameters: { schema },
    });
    expect(verdict).toMatchObject({ score: 1, passed: true, summary: 'The JSON fits its schema.' });
  });

  it('lists every schema problem, sorted, with a path', async () => {
    const verdict = await runEvaluator(schemaValidate, {
      outputs: [json('{"steps": [], "risk": "medium", "extra": 1}')],
      parameters: { schema },
    });
    expect(verdict.failureCodes).toEqual(['schema_mismatch']);
    expect(verdict.score).toBe(0);
    expect(verdict.remediationHints).toEqual(
      [
        '`/risk`: must be equal to one of the allowed values (["low","high"]).',
        '`/steps`: must NOT have fewer than 1 items.',
        'the document: must NOT have additional properties (`extra`).',
        "the document: must have required property 'owner'.",
      ].map((problem) => `Fix ${problem}`),
    );
  });

  it('reads JSON wrapped in a fence, and says invalid_json otherwise', async () => {
    const fenced = await runEvaluator(schemaValidate, {
      outputs: ['Here:\n```json\n{"steps": ["a"], "owner": "me"}\n```\n'],
      parameters: { schema },
    });
    expect(fenced.passed).toBe(true);
    const broken = await runEvaluator(schemaValidate, { outputs: ['{"steps": ['], parameters: { schema } });
    expect(broken).toMatchObject({ score: 0, failureCodes: ['invalid_json'] });
  });

  it('checks only well-formedness without a schema', async () => {
    expect((await runEvaluator(schemaValidate, { outputs: ['[1, 2]'] })).passed).toBe(true);
    expect((await runEvaluator(schemaValidate, { outputs: ['not json'] })).failureCodes).toEqual([
      'invalid_json',
    ]);
  });

  it('reads a schema file relative to the task root', async () => {
    const root = await mkdtemp(join(tmpdir(), 'loopgym-schema-'));
    try {
      await writeFile(join(root, 'plan.json'), JSON.stringify(schema));
      const task = makeTask({}, { root });
      const verdict = await runEvaluator(schemaValidate, {
        outputs: [json('{"steps": ["a"]}')],
        task,
        parameters: { schema_path: 'plan.json' },
      });
      expect(verdict.failureCodes).toEqual(['schema_mismatch']);
      await expect(
        runEvaluator(schemaValidate, { outputs: [json('{}')], parameters: { schema_path: 'plan.json' } }),
      ).rejects.toThrow(MissingTaskMaterialError);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('refuses a schema that is not a JSON Schema, and both schema and schema_path', async () => {
    await expect(
      runEvaluator(schemaValidate, { outputs: ['{}'], parameters: { schema: { type: 'banana' } } }),
    ).rejects.toThrow(EvaluatorParameterError);
    await expect(
      runEvaluator(schemaValidate, { outputs: ['{}'], parameters: { schema, schema_path: 'x.json' } }),
    ).rejects.toThrow(/`schema_path`: give `schema` or `schema_path`, not both/u);
  });

  it('accepts a schema with an $id more than once', async () => {
    const withId = { $id: 'https://loopgym.dev/test/plan.json', type: 'object' };
    for (let run = 0; run < 2; run++) {
      expect(
        (await runEvaluator(schemaValidate, { outputs: ['{}'], parameters: { schema: { ...withId } } }))
          .passed,
      ).toBe(true);
    }
  });
});
