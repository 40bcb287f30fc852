import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random/rng.js';
import { loopbenchDataDirectory } from '../../loop/tasks/data-directory.js';
import { loadTaskSetSync } from '../../loop/tasks/load-task-set.js';
import type { ReferenceFact, TaskSource } from '../../loop/tasks/loop-task.js';
import {
  composeText,
  factStated,
  factsStated,
  sentenceFor,
  splitSentences,
  type SimWorkerRequest,
} from './compose-answer.js';

const { tasks } = loadTaskSetSync(loopbenchDataDirectory('research-synthesis-v1'));

/** The search `sentenceFor` remembers: supporting sources first, stale ones never, sentence by sentence. */
function searchSentence(fact: ReferenceFact, sources: readonly TaskSource[]) {
  const fresh = sources.filter((source) => source.stale !== true);
  const ordered = [
    ...fresh.filter((source) => fact.sourceIds.includes(source.id)),
    ...fresh.filter((source) => !fact.sourceIds.includes(source.id)),
  ];
  for (const source of ordered) {
    for (const sentence of splitSentences(source.text)) {
      if (factStated(fact, sentence)) return { sentence, sourceId: source.id };
    }
  }
  return undefined;
}

describe('splitSentences', () => {
  it('splits after sentence ends and at blank lines, and hands out a new list each time', () => {
    const first = splitSentences('One. Two!\n\nThree  four? 5 ok');
    expect(first).toEqual(['One.', 'Two!', 'Three four?', '5 ok']);
    first.push('changed');
    expect(splitSentences('One. Two!\n\nThree  four? 5 ok')).toEqual(['One.', 'Two!', 'Three four?', '5 ok']);
  });
});

describe('sentenceFor and factsStated', () => {
  it('find what a fresh search finds, for every fact of every task, asked twice', () => {
    for (const task of tasks) {
      const { sources, referenceFacts } = task.material;
      expect(referenceFacts.length).toBeGreaterThan(0);
      const reversed = [...sources].reverse();
      for (let round = 0; round < 2; round++) {
        for (const fact of referenceFacts) {
          expect(sentenceFor(fact, sources)).toEqual(searchSentence(fact, sources));
          expect(sentenceFor(fact, reversed)).toEqual(searchSentence(fact, reversed));
        }
      }
      const text = sources.map((source) => source.text).join('\n\n');
      expect(factsStated(referenceFacts, text)).toEqual(referenceFacts.map((fact) => factStated(fact, text)));
      expect(factsStated(referenceFacts, '')).toEqual(referenceFacts.map(() => false));
    }
  });
});

describe('composeText', () => {
  it('writes the same answer for the same seed, and states more facts at a higher quality', () => {
    const task = tasks[0]!;
    const request: SimWorkerRequest = {
      task,
      workerId: 'writer',
      outputName: 'Brief',
      format: 'markdown',
      inputTexts: [String(task.inputs.query)],
      feedback: [],
      previousOutput: undefined,
    };
    const stated = (quality: number): number => {
      let count = 0;
      for (let seed = 0; seed < 20; seed++) {
        const text = composeText(request, quality, createRng(seed));
        expect(composeText(request, quality, createRng(seed))).toBe(text);
        count += factsStated(task.material.referenceFacts, text).filter(Boolean).length;
      }
      return count;
    };
    expect(stated(0.9)).toBeGreaterThan(stated(0.2));
  });
});
