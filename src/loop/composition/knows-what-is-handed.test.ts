import { describe, expect, it } from 'vitest';
import type { GenerateOptions, LanguageModel } from '../../models/language-model.js';
import type { LoopBackend } from '../loop-backend.js';
import { emptyTaskMaterial, type LoopTask } from '../tasks/loop-task.js';
import { handedView, knowsWhatIsHanded } from './knows-what-is-handed.js';

const fact = (id: string, word: string) => ({ id, statement: `${word}.`, keywords: [[word]], sourceIds: [] });
const task: LoopTask = {
  id: 't',
  difficulty: 'standard',
  inputs: {},
  root: undefined,
  material: { ...emptyTaskMaterial(), referenceFacts: [fact('a', 'canary'), fact('b', 'rollback')] },
};

describe('handedView', () => {
  it('keeps the facts the handed text states', () => {
    expect(handedView(task, 'Run a canary first.').material.referenceFacts.map((f) => f.id)).toEqual(['a']);
    expect(handedView(task, 'canary, then rollback')).toBe(task);
    expect(handedView(task, '').material.referenceFacts).toEqual([]);
  });
});

describe('knowsWhatIsHanded', () => {
  it("narrows a worker call's task to what its inputs state, and leaves judges alone", async () => {
    const seen: (LoopTask | undefined)[] = [];
    const model = {
      doGenerate: (options: GenerateOptions) => {
        seen.push(options.purpose?.context?.task as LoopTask | undefined);
        return Promise.resolve({} as never);
      },
    } as unknown as LanguageModel;
    const backend: LoopBackend = { name: 'sim', answersAtOnce: true, model: () => model };
    const wrapped = knowsWhatIsHanded(backend);
    const call = (kind: 'worker' | 'judge') =>
      wrapped.model({ provider: 'openai', name: 'm' } as never, { kind, id: 'x' }).doGenerate({
        messages: [],
        purpose: {
          kind,
          id: 'x',
          context: {
            task,
            inputs: [{ ref: 'inputs.children', value: { b: 'a rollback plan' }, missing: undefined }],
          },
        },
      });
    await call('worker');
    await call('judge');
    expect(seen[0]?.material.referenceFacts.map((f) => f.id)).toEqual(['b']);
    expect(seen[1]).toBe(task);
  });
});
