import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyTaskMaterial } from './loop-task.js';
import { parseJsonText } from './read-json-file.js';
import { TaskFileError } from './task-file-error.js';
import { TASK_MATERIAL_FORMAT, taskMaterialFileSchema, toTaskMaterial } from './task-material-schema.js';

const minimal = { format: TASK_MATERIAL_FORMAT, taskId: 'rs-001' };

function issuesOf(value: unknown): { path: string; message: string }[] {
  try {
    parseJsonText('materials/rs-001.json', JSON.stringify(value), taskMaterialFileSchema);
  } catch (error) {
    if (error instanceof TaskFileError) return [...error.issues];
    throw error;
  }
  throw new Error('expected the material to be rejected');
}

describe('taskMaterialFileSchema', () => {
  it('reads a file with only format and taskId as empty material', () => {
    expect(toTaskMaterial(taskMaterialFileSchema.parse(minimal))).toEqual({
      ...emptyTaskMaterial(),
      repository: undefined,
    });
  });

  it('reads every part of the material and fills in missing lists', () => {
    const file = taskMaterialFileSchema.parse({
      ...minimal,
      sources: [
        {
          id: 'S1',
          title: 'A',
          url: 'https://sources.loopgym.dev/a',
          published: '2025-03-01',
          text: 'T',
          key: true,
        },
      ],
      referenceFacts: [
        { id: 'f1', statement: 'S', keywords: [['pilot'], ['2027', '2028']], sourceIds: ['S1'] },
      ],
      repository: {
        path: 'fixtures/calc-v1',
        language: 'python',
        testCommand: ['python3', '-m', 'unittest'],
      },
      candidates: [{ id: 'c1', quality: 'partial', output: '```python path=a.py\n```', flaw: 'F' }],
      evaluatorParameters: { citation_check: { minimum: 3 } },
      perturbations: ['stale_source'],
    });
    const material = toTaskMaterial(file);
    expect(material.repository).toEqual({
      path: 'fixtures/calc-v1',
      language: 'python',
      testCommand: ['python3', '-m', 'unittest'],
      editableFiles: [],
      requiredTests: [],
    });
    expect(material.referenceFacts[0]?.weight).toBeUndefined();
    expect(material.evaluatorParameters).toEqual({ citation_check: { minimum: 3 } });
    expect(material.perturbations).toEqual(['stale_source']);
  });

  it('keeps any valid material as written (JSON round trip)', () => {
    const phrase = fc.string({ minLength: 1, maxLength: 12 }).filter((text) => text.trim() !== '');
    const id = fc.stringMatching(/^[A-Za-z0-9][\w.-]{0,8}$/);
    const material = fc.uniqueArray(id, { minLength: 1, maxLength: 4 }).chain((sourceIds) =>
      fc.record({
        format: fc.constant(TASK_MATERIAL_FORMAT),
        taskId: id,
        sources: fc.constant(sourceIds.map((sourceId) => ({ id: sourceId, title: 'Title', text: 'Text' }))),
        referenceFacts: fc.uniqueArray(
          fc.record({
            id,
            statement: phrase,
            keywords: fc.array(fc.array(phrase, { minLength: 1, maxLength: 3 }), {
              minLength: 1,
              maxLength: 3,
            }),
            sourceIds: fc.subarray(sourceIds),
            weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
          }),
          { selector: (fact) => fact.id, maxLength: 4 },
        ),
        candidates: fc.uniqueArray(
          fc.record({
            id,
            quality: fc.constantFrom('correct', 'partial', 'wrong', 'broken'),
            output: phrase,
          }),
          { selector: (candidate) => candidate.id, maxLength: 4 },
        ),
        evaluatorParameters: fc.dictionary(id, fc.dictionary(id, fc.jsonValue())),
        perturbations: fc.array(id, { maxLength: 3 }),
      }),
    );
    fc.assert(
      fc.property(material, (value) => {
        const parsed = parseJsonText('m.json', JSON.stringify(value), taskMaterialFileSchema);
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { seed: 20261124 },
    );
  });

  it('requires the format tag and says what to write', () => {
    const [issue] = issuesOf({ taskId: 'rs-001' });
    expect(issue).toEqual({
      path: '$.format',
      message: expect.stringContaining(`"${TASK_MATERIAL_FORMAT}"`),
    });
  });

  it('names an unknown key by its path and suggests the closest allowed key', () => {
    const [issue] = issuesOf({ ...minimal, sources: [{ id: 'S1', titel: 'A', title: 'A', text: 'T' }] });
    expect(issue?.path).toBe('$.sources[0].titel');
    expect(issue?.message).toContain('Unknown key `titel`. Did you mean `title`?');
    expect(issue?.message).toContain('Allowed keys: id, title, url, published, text, stale, key.');
  });

  it('reports a missing required key, a bad enum value and an empty keyword group with their paths', () => {
    const issues = issuesOf({
      ...minimal,
      referenceFacts: [{ id: 'f1', keywords: [[]] }],
      candidates: [{ id: 'c1', quality: 'great', output: 'x' }],
    });
    expect(issues).toEqual([
      { path: '$.referenceFacts[0].statement', message: 'Missing `statement`: add it (expected string).' },
      { path: '$.referenceFacts[0].keywords[0]', message: 'A keyword group needs at least one phrase.' },
      { path: '$.candidates[0].quality', message: expect.stringContaining('"correct"') },
    ]);
  });

  it('rejects duplicate ids, unknown source ids and paths that leave the task directory', () => {
    const issues = issuesOf({
      ...minimal,
      sources: [
        { id: 'S1', title: 'A', text: 'T' },
        { id: 'S1', title: 'B', text: 'U' },
      ],
      referenceFacts: [{ id: 'f1', statement: 'S', keywords: [['x']], sourceIds: ['S11'] }],
      repository: { path: '../elsewhere', language: 'python', testCommand: ['python3'] },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      '$.repository.path',
      '$.sources[1].id',
      '$.referenceFacts[0].sourceIds[0]',
    ]);
    expect(issues[2]?.message).toBe('Unknown source `S11`. Did you mean `S1`? Sources: S1.');
  });

  it('checks that scopes name sources of the file', () => {
    const issues = issuesOf({
      ...minimal,
      sources: [{ id: 'F1', title: 'A', text: 'T' }],
      scopes: { falsifier: ['F1'], evidence: ['E1'] },
    });
    expect(issues).toEqual([
      { path: '$.scopes.evidence[0]', message: 'Unknown source `E1`. Did you mean `F1`? Sources: F1.' },
    ]);
  });

  it('rejects dates and URLs that are not ISO dates and absolute URLs', () => {
    const issues = issuesOf({
      ...minimal,
      sources: [{ id: 'S1', title: 'A', text: 'T', url: 'sources/a', published: '03/01/2025' }],
    });
    expect(issues.map((issue) => issue.path)).toEqual(['$.sources[0].url', '$.sources[0].published']);
  });
});
