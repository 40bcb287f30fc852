import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../../lss/compile/compile-spec.js';
import type { InputField, LoopProgram } from '../../lss/compile/loop-program.js';
import type { LoopSpec } from '../../lss/loop-spec.js';
import { parseSpecText } from '../../lss/parse/parse-spec.js';
import { loopbenchDataDirectory } from '../tasks/data-directory.js';
import { loadTaskSetSync } from '../tasks/load-task-set.js';
import type { LoopTask } from '../tasks/loop-task.js';
import { checkTaskInputs } from './check-task-inputs.js';

const directory = loopbenchDataDirectory('research-synthesis-v1');
const base = compileSpec(parseSpecText(readFileSync(`${directory}/spec.yaml`, 'utf8')).value as LoopSpec);
const [task] = loadTaskSetSync(directory).tasks;

/** The research loop with one more input: a list with a default. */
const withList: LoopProgram = {
  ...base,
  inputs: [
    ...base.inputs,
    {
      ...base.inputs[0]!,
      name: 'tags',
      type: 'array',
      required: false,
      hasDefault: true,
      default: ['energy'],
      items: 'string',
      maxLength: undefined,
    } satisfies InputField,
  ],
};

describe('checkTaskInputs', () => {
  it('gives what a fresh check gives, every time: the task’s values and each default as a fresh copy', () => {
    const own: LoopTask = { ...task!, inputs: { query: 'Which batteries?' } };
    const first = checkTaskInputs(withList, own);
    expect(first).toEqual({
      valid: true,
      values: { query: 'Which batteries?', depth: 'standard', tags: ['energy'] },
      problems: [],
    });
    (first.values.tags as string[]).push('changed');
    const second = checkTaskInputs(withList, own);
    expect(second.values).toEqual({ query: 'Which batteries?', depth: 'standard', tags: ['energy'] });
    expect(second.values).not.toBe(first.values);
    expect(Object.keys(second.values)).toEqual(['query', 'depth', 'tags']);
  });

  it('hands out the task’s own values as they are', () => {
    const tags = ['grid'];
    const own: LoopTask = { ...task!, inputs: { query: 'Which batteries?', tags } };
    expect(checkTaskInputs(withList, own).values.tags).toBe(tags);
    expect(checkTaskInputs(withList, own).values.tags).toBe(tags);
  });

  it('reports bad values each time (nothing is kept of an invalid check)', () => {
    const bad: LoopTask = { ...task!, inputs: { query: 'q', depth: 'bottomless' } };
    for (let round = 0; round < 2; round++) {
      const result = checkTaskInputs(base, bad);
      expect(result.valid).toBe(false);
      expect(result.problems.map((problem) => problem.path)).toEqual([['depth']]);
    }
  });
});
