import { describe, expect, it } from 'vitest';
import { emptyTaskMaterial } from './loop-task.js';
import { tasksFromExamples } from './tasks-from-examples.js';

describe('tasksFromExamples', () => {
  it('makes one task per example of a parsed spec, numbered from 1', () => {
    const examples = [{ query: 'a', depth: 'quick' }, { query: 'b' }];
    const tasks = tasksFromExamples({ inputs: { examples } }, { root: '/specs' });
    expect(tasks).toEqual([
      {
        id: 'example-1',
        family: undefined,
        difficulty: undefined,
        inputs: { query: 'a', depth: 'quick' },
        material: emptyTaskMaterial(),
        root: '/specs',
      },
      {
        id: 'example-2',
        family: undefined,
        difficulty: undefined,
        inputs: { query: 'b' },
        material: emptyTaskMaterial(),
        root: '/specs',
      },
    ]);
    expect(tasks[0]?.inputs).not.toBe(examples[0]);
  });

  it('reads the examples of a compiled program, and gives no tasks without examples', () => {
    expect(tasksFromExamples({ inputExamples: [{ task: 'x' }] }).map((task) => [task.id, task.root])).toEqual(
      [['example-1', undefined]],
    );
    expect(tasksFromExamples({ inputs: {} })).toEqual([]);
    expect(tasksFromExamples({ inputExamples: [] })).toEqual([]);
  });
});
