// The LoopBench data shipped in data/loopbench: every task loads, its inputs fit its spec, and its reference facts
// can be shown from its sources while an empty or unrelated answer shows none of them.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadLoopProgram } from '../../lss/load-loop-program.js';
import { validateInputValues } from '../../lss/validate/validate-input-values.js';
import { loopbenchDataDirectory } from './data-directory.js';
import { loadTaskSet } from './load-task-set.js';
import type { LoopTask, TaskSource } from './loop-task.js';
import { matchesKeywords } from './matches-keywords.js';
import { tasksFromExamples } from './tasks-from-examples.js';

/** SHA-256 of the files copied byte for byte from the LoopGym ecosystem repository (commit 5d67a9d). */
const OFFICIAL_FILES: Record<string, { family: string; ids: string[]; spec: string; tasks: string }> = {
  'code-repair-v1': {
    family: 'LB-CR-1',
    ids: ['cr-001', 'cr-002', 'cr-003'],
    spec: '1e6cd1ffb0c47d480e289f73cdeb340f1a687e34e40161ddbf4fd71b46757321',
    tasks: '768507d94920e2b01acf55ead0220f281fc79694200eb32c0255f854d5326746',
  },
  'research-synthesis-v1': {
    family: 'LB-RS-1',
    ids: ['rs-001', 'rs-002', 'rs-003'],
    spec: '0e519cc582f37e84b7f722f1501bcdea36a14097a144de4f0eda70b62a8eb2be',
    tasks: '67cc5a6b44cfcf82ec04b298c76b774b45e8150fa28a048ac0399deea3fe3ed5',
  },
  'multi-agent-debate-v1': {
    family: 'LB-MA-1',
    ids: ['ma-001', 'ma-002', 'ma-003'],
    spec: 'b6f26fc3de31b6e30c70aeea5ea333ac1b581df21e1e47f05e6eeb6e7710eb30',
    tasks: '1fdda8770ec8e3f15fcd81e69a8b142f9cf51e656b78bff2fb35cf3fd0b06f07',
  },
  'composed-swarm-v1': {
    family: 'LB-COMP-1',
    ids: ['comp-001', 'comp-002', 'comp-003'],
    spec: '7917f8c6b708abaf054a790c472f4a898b3a5afda2dfbfc4e78d65fe60802c5f',
    tasks: '3381861742dc886f32d99478bea9a02bb4eb55e441e5b3a31a2d9229b9b88293',
  },
};

const UNRELATED_ANSWER = `# Weekly kitchen notes
Bake the sourdough at 230 degrees for forty minutes, then let it rest on a rack. The new oven heats evenly, and the
team agreed to order more flour before the holidays. Nobody reported problems with the dishwasher this week.`;

const sets = await Promise.all(
  Object.keys(OFFICIAL_FILES).map(async (name) => ({
    name,
    ...(await loadTaskSet(loopbenchDataDirectory(name))),
  })),
);

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/).filter((sentence) => sentence.trim() !== '');
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

describe.each(sets.map((set) => [set.name, set] as const))('data/loopbench/%s', (name, set) => {
  const official = OFFICIAL_FILES[name]!;
  const directory = loopbenchDataDirectory(name);

  it('keeps spec.yaml and tasks.json byte for byte as published', () => {
    expect(sha256(join(directory, 'spec.yaml'))).toBe(official.spec);
    expect(sha256(join(directory, 'tasks.json'))).toBe(official.tasks);
  });

  it('loads every task, each with its own material file, rooted at the environment directory', () => {
    expect(set.family).toBe(official.family);
    expect(set.tasks.map((task) => task.id)).toEqual(official.ids);
    for (const task of set.tasks) {
      expect(task.root).toBe(directory);
      expect(task.family).toBe(official.family);
      expect(task.material.referenceFacts.length).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives task inputs that fit the spec, whose example becomes task example-1', async () => {
    const spec = parse(readFileSync(join(directory, 'spec.yaml'), 'utf8')) as { inputs: { schema: unknown } };
    for (const task of set.tasks) {
      const { problems } = validateInputValues(spec.inputs.schema, task.inputs);
      expect(problems, task.id).toEqual([]);
    }
    const program = await loadLoopProgram(join(directory, 'spec.yaml'));
    const examples = tasksFromExamples(program);
    expect(examples.map((example) => example.id)).toEqual(['example-1']);
    expect(examples[0]?.inputs).toEqual(program.inputExamples[0]);
    expect(validateInputValues(spec.inputs.schema, examples[0]?.inputs).problems).toEqual([]);
  });
});

describe('data/loopbench/code-repair-v1', () => {
  const set = sets.find((candidate) => candidate.name === 'code-repair-v1')!;

  it('gives each task the repository its repo_snapshot names, with required tests and candidates', () => {
    for (const task of set.tasks) {
      const repository = task.material.repository;
      expect(repository?.path).toBe(task.inputs.repo_snapshot);
      expect(repository?.language).toBe('python');
      expect(repository?.requiredTests.length).toBeGreaterThan(0);
      expect(task.material.candidates.length).toBeGreaterThanOrEqual(4);
    }
  });
});

describe('data/loopbench/composed-swarm-v1', () => {
  const set = sets.find((candidate) => candidate.name === 'composed-swarm-v1')!;

  it("scopes each branch to its lens's sources: no other lens's source shows its facts", () => {
    for (const task of set.tasks) {
      const scopes = task.material.scopes ?? {};
      expect(Object.keys(scopes).sort()).toEqual(['evidence', 'falsifier', 'operator']);
      for (const [lens, scope] of Object.entries(scopes)) {
        const facts = task.material.referenceFacts.filter((fact) => fact.id.startsWith(`${lens}-`));
        expect(facts.length, `${task.id} ${lens}`).toBe(3);
        const others = task.material.sources.filter((source) => !scope.includes(source.id));
        for (const fact of facts) {
          expect(
            fact.sourceIds.every((id) => scope.includes(id)),
            fact.id,
          ).toBe(true);
          expect(
            others.filter((source) => matchesKeywords(fact.keywords, source.text)).map((source) => source.id),
            fact.id,
          ).toEqual([]);
        }
      }
    }
  });
});

const textTasks = sets
  .filter((set) => set.name !== 'code-repair-v1')
  .flatMap((set) => set.tasks.map((task) => [`${set.name} ${task.id}`, task] as const));

describe.each(textTasks)('reference facts of %s', (_label, task: LoopTask) => {
  const sourceById = new Map<string, TaskSource>(task.material.sources.map((source) => [source.id, source]));
  const otherSentences = textTasks
    .filter(([, other]) => other !== task)
    .flatMap(([, other]) => other.material.sources.flatMap((source) => sentences(source.text)));

  it('come with sources that say they are LoopGym samples', () => {
    for (const source of task.material.sources) expect(source.text, source.id).toContain('LoopGym sample');
  });

  it('can each be shown by a sentence of every source it cites, and by its own statement', () => {
    for (const fact of task.material.referenceFacts) {
      expect(fact.sourceIds.length, fact.id).toBeGreaterThan(0);
      expect(matchesKeywords(fact.keywords, fact.statement), `${fact.id} statement`).toBe(true);
      for (const sourceId of fact.sourceIds) {
        const source = sourceById.get(sourceId);
        const shown = sentences(source?.text ?? '').some((sentence) =>
          matchesKeywords(fact.keywords, sentence),
        );
        expect(shown, `${fact.id} in ${sourceId}`).toBe(true);
      }
    }
  });

  it('are not shown by an empty answer, an unrelated answer or any sentence of another task', () => {
    for (const fact of task.material.referenceFacts) {
      expect(matchesKeywords(fact.keywords, ''), fact.id).toBe(false);
      expect(matchesKeywords(fact.keywords, UNRELATED_ANSWER), fact.id).toBe(false);
      const leaks = otherSentences.filter((sentence) => matchesKeywords(fact.keywords, sentence));
      expect(leaks, fact.id).toEqual([]);
    }
  });

  it('are not shown by the stale source alone', () => {
    for (const stale of task.material.sources.filter((source) => source.stale === true)) {
      for (const sentence of sentences(stale.text)) {
        const shown = task.material.referenceFacts.filter((fact) => matchesKeywords(fact.keywords, sentence));
        expect(
          shown.map((fact) => fact.id),
          sentence,
        ).toEqual([]);
      }
    }
  });
});

describe.each(
  sets.find((set) => set.name === 'research-synthesis-v1')!.tasks.map((task) => [task.id, task] as const),
)('sources of research-synthesis-v1 %s', (_id, task) => {
  const { sources, referenceFacts } = task.material;

  it('are 6 to 10 documents of 150 to 400 words, with one key source and one older stale one', () => {
    expect(sources.length).toBeGreaterThanOrEqual(6);
    expect(sources.length).toBeLessThanOrEqual(10);
    expect(sources.map((source) => source.id)).toEqual(sources.map((_, index) => `S${index + 1}`));
    for (const source of sources) {
      const words = source.text.split(/\s+/).length;
      expect(words, source.id).toBeGreaterThanOrEqual(150);
      expect(words, source.id).toBeLessThanOrEqual(400);
      expect(source.url, source.id).toMatch(/^https:\/\/sources\.loopgym\.dev\//);
      expect(source.published, source.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const key = sources.filter((source) => source.key === true);
    const stale = sources.filter((source) => source.stale === true);
    expect(key).toHaveLength(1);
    expect(stale).toHaveLength(1);
    const newestOther = sources.filter((source) => source.stale !== true).map((source) => source.published!);
    expect(newestOther.every((date) => date > stale[0]!.published!)).toBe(true);
    expect(referenceFacts.length).toBeGreaterThanOrEqual(5);
    expect(referenceFacts.length).toBeLessThanOrEqual(8);
    expect(referenceFacts.some((fact) => fact.sourceIds.includes(key[0]!.id))).toBe(true);
  });
});
