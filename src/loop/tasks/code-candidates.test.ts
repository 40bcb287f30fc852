// The candidates of the shipped code-repair tasks are what their labels say: each one is applied to a copy of its
// repository and the repository's tests are run with python3.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyCandidate } from './__fixtures__/apply-candidate.js';
import { runUnittest, type UnittestRun } from './__fixtures__/run-unittest.js';
import { loopbenchDataDirectory } from './data-directory.js';
import { loadTaskSet } from './load-task-set.js';
import type { LoopTask, TaskRepository } from './loop-task.js';
import { matchesKeywords } from './matches-keywords.js';

const { tasks } = await loadTaskSet(loopbenchDataDirectory('code-repair-v1'));
const scratch = mkdtempSync(join(tmpdir(), 'loopgym-code-candidates-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let copies = 0;
function copyOfRepository(task: LoopTask, repository: TaskRepository): string {
  const target = join(scratch, `${task.id}-${copies++}`);
  cpSync(join(task.root!, repository.path), target, { recursive: true });
  return target;
}

function passing(run: UnittestRun, required: readonly string[]): string[] {
  return required.filter((id) => run.results.get(id) === 'ok');
}

function repositoryOf(task: LoopTask): TaskRepository {
  const repository = task.material.repository;
  if (repository === undefined) throw new Error(`${task.id} has no repository`);
  return repository;
}

describe.each(tasks.map((task) => [task.id, task] as const))('code-repair-v1 %s', (_id, task) => {
  const repository = repositoryOf(task);
  const required = repository.requiredTests;
  let baseline: UnittestRun;
  let passingBefore: string[];
  beforeAll(() => {
    baseline = runUnittest(repository.testCommand, copyOfRepository(task, repository));
    passingBefore = passing(baseline, required);
  });

  it('its repository has the bug: some required tests fail, the others pass, and every required test runs', () => {
    expect([...baseline.results.keys()].sort()).toEqual([...required].sort());
    expect(passingBefore.length).toBeGreaterThan(0);
    expect(passingBefore.length).toBeLessThan(required.length);
  });

  it('has at least one candidate of each quality and one unified diff', () => {
    const qualities = new Set(task.material.candidates.map((candidate) => candidate.quality));
    expect([...qualities].sort()).toEqual(['broken', 'correct', 'partial', 'wrong']);
    expect(task.material.candidates.some((candidate) => candidate.output.includes('```diff\n'))).toBe(true);
    for (const candidate of task.material.candidates) {
      if (candidate.quality !== 'correct') expect(candidate.flaw, candidate.id).toBeTruthy();
    }
  });

  it.each(task.material.candidates.map((candidate) => [candidate.id, candidate] as const))(
    'candidate %s is what its label says',
    (_candidateId, candidate) => {
      const directory = copyOfRepository(task, repository);
      const changed = applyCandidate(candidate.output, directory);
      expect(changed.every((path) => repository.editableFiles.includes(path))).toBe(true);
      const run = runUnittest(repository.testCommand, directory);
      const passingAfter = passing(run, required);
      const fixed = required.filter((id) => !passingBefore.includes(id) && passingAfter.includes(id));
      const broke = passingBefore.filter((id) => !passingAfter.includes(id));
      switch (candidate.quality) {
        case 'correct':
          expect(passingAfter).toEqual([...required]);
          expect(run.exitCode).toBe(0);
          break;
        case 'partial':
          // Better than before without breaking anything, yet not done.
          expect(fixed.length).toBeGreaterThan(0);
          expect(broke).toEqual([]);
          expect(passingAfter.length).toBeLessThan(required.length);
          break;
        case 'wrong':
          // Not done, and either nothing got fixed or something that worked broke.
          expect(passingAfter.length).toBeLessThan(required.length);
          expect(fixed.length === 0 || broke.length > 0).toBe(true);
          break;
        case 'broken':
          expect(run.output).toContain('SyntaxError');
          expect(run.exitCode).not.toBe(0);
          break;
      }
    },
  );

  it('its reference facts show in every correct candidate but not all in the buggy files', () => {
    const facts = task.material.referenceFacts;
    expect(facts.length).toBeGreaterThan(0);
    for (const candidate of task.material.candidates.filter((c) => c.quality === 'correct')) {
      for (const fact of facts)
        expect(matchesKeywords(fact.keywords, candidate.output), `${candidate.id} / ${fact.id}`).toBe(true);
    }
    const buggy = repository.editableFiles
      .map((path) => `${path}\n${readFileSync(join(task.root!, repository.path, path), 'utf8')}`)
      .join('\n');
    const heaviest = Math.max(...facts.map((fact) => fact.weight ?? 1));
    for (const fact of facts.filter((f) => (f.weight ?? 1) === heaviest)) {
      expect(matchesKeywords(fact.keywords, buggy), fact.id).toBe(false);
    }
  });
});
