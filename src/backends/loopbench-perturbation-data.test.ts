// The data of the LoopBench environments that stress perturbations (hitl-gate, safety-constrained, rag-retrieval):
// spec.yaml and tasks.json as published, every task with its material, inputs that fit the spec, facts their
// sources show.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateInputValues } from '../lss/validate/validate-input-values.js';
import { loopbenchDataDirectory } from '../loop/tasks/data-directory.js';
import { loadTaskSet } from '../loop/tasks/load-task-set.js';
import { matchesKeywords } from '../loop/tasks/matches-keywords.js';

/** SHA-256 of the files copied byte for byte from the LoopGym ecosystem repository (commit 5d67a9d). */
const OFFICIAL: Record<
  string,
  { family: string; ids: string[]; perturbations: string[]; spec: string; tasks: string }
> = {
  'hitl-gate-v1': {
    family: 'LB-HITL-1',
    ids: ['LB-HITL-1', 'LB-HITL-2', 'hitl-003'],
    perturbations: ['', 'hitl_reject', 'hitl_reject'],
    spec: 'fbce254658c42a38e610a064d8db84d6a8b31895af5ad74df1d11f18c5bba41f',
    tasks: 'ab984bb977740c2d732e06a5ac4345b9d45da0024d8be643a110092e8ffc493c',
  },
  'safety-constrained-v1': {
    family: 'LB-SAFE-1',
    ids: ['LB-SAFE-1', 'LB-SAFE-2', 'safety-003'],
    perturbations: ['', 'tool_denylist', 'tool_denylist'],
    spec: '84482f7be5724ea423f306860d0cafb3c30f745102b61bf36290946e44c93d4c',
    tasks: '277ba499827f5287a89c33fd0cd9840af78afba7c1d094603b9d9aaf8fb05d3c',
  },
  'rag-retrieval-v1': {
    family: 'LB-RAG-1',
    ids: ['LB-RAG-1', 'LB-RAG-2', 'rag-003'],
    perturbations: ['missing_source', 'stale_source', ''],
    spec: 'f3aae37f777e8337c8ab14ab1ab0797ae8504c1b7a715ed175c5c111d67119e2',
    tasks: '9f48a54068b63e3cd9c417b85bf1db7e91b75cc99a5e91628f05b4afb9100c45',
  },
};

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

const sets = await Promise.all(
  Object.entries(OFFICIAL).map(async ([name, official]) => {
    const directory = loopbenchDataDirectory(name);
    return [name, { official, directory, set: await loadTaskSet(directory) }] as const;
  }),
);

describe.each(sets)('data/loopbench/%s', (_name, { official, directory, set }) => {
  it('keeps spec.yaml and tasks.json byte for byte as published', () => {
    expect(sha256(join(directory, 'spec.yaml'))).toBe(official.spec);
    expect(sha256(join(directory, 'tasks.json'))).toBe(official.tasks);
  });

  it('loads every task with its own material, its perturbation first', () => {
    expect(set.family).toBe(official.family);
    expect(set.tasks.map((task) => task.id)).toEqual(official.ids);
    for (const [index, task] of set.tasks.entries()) {
      expect(task.material.referenceFacts.length, task.id).toBeGreaterThanOrEqual(3);
      expect(task.material.perturbations[0] ?? '', task.id).toBe(official.perturbations[index]);
    }
  });

  it('gives task inputs that fit the spec', () => {
    const spec = parse(readFileSync(join(directory, 'spec.yaml'), 'utf8')) as { inputs: { schema: unknown } };
    for (const task of set.tasks) {
      expect(validateInputValues(spec.inputs.schema, task.inputs).problems, task.id).toEqual([]);
    }
  });

  it('has reference facts each shown by its own statement and a sentence of every source it cites', () => {
    for (const task of set.tasks) {
      const byId = new Map(task.material.sources.map((source) => [source.id, source]));
      for (const source of task.material.sources) expect(source.text, source.id).toContain('LoopGym sample');
      for (const fact of task.material.referenceFacts) {
        expect(matchesKeywords(fact.keywords, fact.statement), `${task.id} ${fact.id}`).toBe(true);
        expect(matchesKeywords(fact.keywords, ''), fact.id).toBe(false);
        for (const stale of task.material.sources.filter((source) => source.stale === true)) {
          const shown = sentences(stale.text).some((sentence) => matchesKeywords(fact.keywords, sentence));
          expect(shown, `${task.id} ${fact.id} shown by stale ${stale.id}`).toBe(false);
        }
        for (const sourceId of fact.sourceIds) {
          const text = byId.get(sourceId)?.text ?? '';
          const shown = sentences(text).some((sentence) => matchesKeywords(fact.keywords, sentence));
          expect(shown, `${task.id} ${fact.id} in ${sourceId}`).toBe(true);
        }
      }
    }
  });
});
