import { describe, expect, it } from 'vitest';
import { emptyTaskMaterial, type LoopTask } from './loop-task.js';
import { scopedTask } from './scoped-task.js';

const source = (id: string) => ({ id, title: id, text: `${id} text.` });
const fact = (id: string, sourceIds: string[]) => ({ id, statement: id, keywords: [[id]], sourceIds });

const task: LoopTask = {
  id: 't',
  difficulty: 'standard',
  inputs: {},
  root: undefined,
  material: {
    ...emptyTaskMaterial(),
    sources: [source('F1'), source('E1'), source('E2')],
    referenceFacts: [
      fact('f', ['F1']),
      fact('e', ['E1', 'E2']),
      fact('both', ['F1', 'E2']),
      fact('free', []),
    ],
    scopes: { falsifier: ['F1'], evidence: ['E1', 'E2'] },
  },
};

describe('scopedTask', () => {
  it("keeps the child's sources and the facts they support", () => {
    const falsifier = scopedTask(task, 'falsifier');
    expect(falsifier.material.sources.map((s) => s.id)).toEqual(['F1']);
    expect(falsifier.material.referenceFacts.map((f) => f.id)).toEqual(['f', 'both', 'free']);
    expect(scopedTask(task, 'evidence').material.referenceFacts.map((f) => f.id)).toEqual([
      'e',
      'both',
      'free',
    ]);
  });

  it('leaves the task whole for a child without a scope, and when there are no scopes', () => {
    expect(scopedTask(task, 'operator')).toBe(task);
    const plain = { ...task, material: { ...task.material, scopes: undefined } };
    expect(scopedTask(plain, 'falsifier')).toBe(plain);
  });
});
