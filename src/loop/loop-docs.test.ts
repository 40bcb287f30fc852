// Keeps docs/loop-engine.md and docs/tasks-and-graders.md true: every LSS field has a row, every built-in grader is listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import lssSchema from '../lss/schema/lss-1.0.schema.json' with { type: 'json' };
import { BUILTIN_DETERMINISTIC_EVALUATORS } from './evaluators/deterministic/create-default-evaluator-registry.js';

const engineDoc = readFileSync(new URL('../../docs/loop-engine.md', import.meta.url), 'utf8');
const gradersDoc = readFileSync(new URL('../../docs/tasks-and-graders.md', import.meta.url), 'utf8');
const fieldColumn = engineDoc
  .split('\n')
  .filter((line) => line.startsWith('| `'))
  .map((line) => line.split('|')[1] ?? '')
  .join(' ');

describe('docs/loop-engine.md', () => {
  it.each([...Object.keys(lssSchema.properties), 'composition'])(
    'has a row for the top-level field `%s`',
    (field) => {
      expect(fieldColumn).toMatch(new RegExp(`\`${field}[.\`\\[]`));
    },
  );

  it.each([
    'timeout_seconds',
    'retries',
    'cost_budget_usd',
    'depends_on',
    'tools',
    'when',
    'max_tokens',
    'rollback',
  ])('explains `%s`', (field) => {
    expect(fieldColumn).toContain(field);
  });
});

describe('docs/tasks-and-graders.md', () => {
  it.each(BUILTIN_DETERMINISTIC_EVALUATORS.map((evaluator) => evaluator.name.replace(/^evaluators\./, '')))(
    'lists the built-in grader %s',
    (name) => {
      expect(gradersDoc).toContain(`\`${name}\``);
    },
  );
});
