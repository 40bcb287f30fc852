// Keeps docs/lss.md true: its example spec is valid, and it documents every rule and every condition variable.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONDITION_VARIABLES } from './compile/condition-variables.js';
import { compileSpec } from './compile/compile-spec.js';
import type { LoopSpec } from './loop-spec.js';
import { parseSpecText } from './parse/parse-spec.js';
import { formatProblem } from './spec-problem.js';
import { validateSpecText } from './validate/validate-spec.js';

const doc = readFileSync(new URL('../../docs/lss.md', import.meta.url), 'utf8');
const rulesSection = doc.slice(doc.indexOf('## The rules'), doc.indexOf('### Feedback conditions'));
const ruleRows = new Set(
  rulesSection
    .split('\n')
    .map((line) => /^\| `([a-z-]+)`\s*\|/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined),
);

/** Every rule name a problem can carry: the schema's, the parser's, and each rule file's `rule:` values. */
const RULES = [
  'yaml',
  'file',
  'schema',
  'unknown-field',
  'unique-id',
  'dag',
  'reference',
  'reachability',
  'memory-access',
  'condition',
  'primary-metric',
  'termination-bound',
  'budget',
  'rubric',
  'input-schema',
  'composition',
];

describe('docs/lss.md', () => {
  it('has a minimal spec that is valid without a single warning, and compiles', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(yaml).toBeDefined();
    const result = validateSpecText(yaml!, { file: 'docs/lss.md' });
    expect(result.problems.map(formatProblem)).toEqual([]);
    const program = compileSpec(parseSpecText(yaml!).value as LoopSpec);
    expect(program.termination.maxIterations).toBe(5);
  });

  it.each(RULES)('documents the rule `%s`', (rule) => {
    expect(ruleRows.has(rule)).toBe(true);
  });

  it('documents no rule that does not exist', () => {
    expect([...ruleRows].filter((rule) => !RULES.includes(rule))).toEqual([]);
  });

  it.each(CONDITION_VARIABLES.map((variable) => variable.name.replace('.*', '.<')))(
    'documents the condition variable %s',
    (name) => {
      expect(doc).toContain(`\`${name}`);
    },
  );
});
