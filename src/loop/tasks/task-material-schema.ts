// The JSON format of a task's material file (`materials/<task-id>.json` beside a `tasks.json`).
import { z } from 'zod';
import { didYouMean } from '../../lss/validate/did-you-mean.js';
import type { TaskMaterial } from './loop-task.js';
import { strictObject } from './strict-object.js';

/** The value of the `format` key every material file starts with. */
export const TASK_MATERIAL_FORMAT = 'loopgym.task-material/v1';

const identifier = z
  .string()
  .regex(
    /^[A-Za-z0-9][\w.-]*$/,
    'Use letters, digits, `_`, `-` and `.` only, starting with a letter or digit.',
  );

const text = z.string().min(1, 'Must not be empty.');

/** A keyword phrase: matched ignoring case and spacing, so it needs a character that is not a space. */
const phrase = z.string().regex(/\S/, 'A phrase needs at least one character that is not a space.');

/** A path inside the task directory: relative, with `/` separators and no `..` segment. */
const relativePath = text.refine(
  (path) =>
    !path.startsWith('/') &&
    !/^[A-Za-z]:/.test(path) &&
    !path.includes('\\') &&
    !path.split('/').includes('..'),
  'Must be a relative path with `/` separators and no `..` segment (it resolves against the task directory).',
);

const sourceSchema = strictObject({
  id: identifier,
  title: text,
  url: z.url({ error: 'Must be an absolute URL, e.g. `https://example.org/page`.' }).optional(),
  published: z.iso.date({ error: 'Must be an ISO date such as `2025-03-01`.' }).optional(),
  text,
  stale: z.boolean().optional(),
  key: z.boolean().optional(),
});

const referenceFactSchema = strictObject({
  id: identifier,
  statement: text,
  keywords: z
    .array(z.array(phrase).min(1, 'A keyword group needs at least one phrase.'))
    .min(1, 'Give at least one keyword group, e.g. `[["2027", "2028"], ["pilot"]]`.'),
  sourceIds: z.array(identifier).default([]),
  weight: z.number().positive('Must be greater than 0.').optional(),
});

const repositorySchema = strictObject({
  path: relativePath,
  language: z.enum(['python', 'node']),
  testCommand: z
    .array(text)
    .min(1, 'Give the command and its arguments, e.g. `["python3", "-m", "unittest", "-v"]`.'),
  editableFiles: z.array(relativePath).default([]),
  requiredTests: z.array(text).default([]),
});

const candidateSchema = strictObject({
  id: identifier,
  workerId: identifier.optional(),
  quality: z.enum(['correct', 'partial', 'wrong', 'broken']),
  output: text,
  flaw: text.optional(),
});

/**
 * The schema of a material file. Every key but `format` and `taskId` is optional; missing lists are empty.
 *
 * ```json
 * { "format": "loopgym.task-material/v1", "taskId": "rs-001",
 *   "sources": [{ "id": "S1", "title": "…", "url": "https://…", "published": "2025-03-10", "key": true, "text": "…" }],
 *   "referenceFacts": [{ "id": "…", "statement": "…", "keywords": [["pilot"], ["2027", "2028"]], "sourceIds": ["S1"], "weight": 2 }],
 *   "repository": { "path": "fixtures/calc-v1", "language": "python", "testCommand": ["python3", "-m", "unittest", "-v"],
 *                   "editableFiles": ["calc/parse.py"], "requiredTests": ["tests.test_parse.ParseIntTests.test_rejects_letters"] },
 *   "candidates": [{ "id": "…", "workerId": "implementer", "quality": "correct", "output": "```python path=…", "flaw": "…" }],
 *   "evaluatorParameters": { "citation_check": { "min_citations": 3 } }, "perturbations": ["stale_source"],
 *   "scopes": { "falsifier": ["F1"], "evidence": ["E1", "E2"] } }
 * ```
 *
 * Beyond the shape it checks that ids are unique within each list and that every `sourceIds` entry names a source.
 *
 * @example
 * ```ts
 * const file = taskMaterialFileSchema.parse(JSON.parse(text));
 * const material = toTaskMaterial(file);
 * ```
 */
export const taskMaterialFileSchema = strictObject({
  format: z.literal(TASK_MATERIAL_FORMAT, {
    error: `Must be "${TASK_MATERIAL_FORMAT}" (the version of this file format); add it as the first key.`,
  }),
  taskId: identifier,
  sources: z.array(sourceSchema).default([]),
  referenceFacts: z.array(referenceFactSchema).default([]),
  repository: repositorySchema.optional(),
  candidates: z.array(candidateSchema).default([]),
  evaluatorParameters: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  perturbations: z.array(identifier).default([]),
  scopes: z.record(identifier, z.array(identifier)).optional(),
}).superRefine((file, context) => {
  for (const list of ['sources', 'referenceFacts', 'candidates'] as const) {
    const seen = new Set<string>();
    file[list].forEach((item, index) => {
      if (seen.has(item.id)) {
        context.addIssue({
          code: 'custom',
          path: [list, index, 'id'],
          message: `Duplicate id \`${item.id}\` in ${list}: ids must be unique within the list.`,
        });
      }
      seen.add(item.id);
    });
  }
  const sourceIds = [...new Set(file.sources.map((source) => source.id))];
  const checkSource = (sourceId: string, path: (string | number)[]): void => {
    if (sourceIds.includes(sourceId)) return;
    const known = sourceIds.length === 0 ? 'This file has no sources.' : `Sources: ${sourceIds.join(', ')}.`;
    const suggestion = didYouMean(sourceId, sourceIds);
    context.addIssue({
      code: 'custom',
      path,
      message: [`Unknown source \`${sourceId}\`.`, suggestion, known]
        .filter((part) => part !== undefined)
        .join(' '),
    });
  };
  file.referenceFacts.forEach((fact, factIndex) => {
    fact.sourceIds.forEach((sourceId, index) =>
      checkSource(sourceId, ['referenceFacts', factIndex, 'sourceIds', index]),
    );
  });
  for (const [childId, scoped] of Object.entries(file.scopes ?? {})) {
    scoped.forEach((sourceId, index) => checkSource(sourceId, ['scopes', childId, index]));
  }
});

/** A material file as parsed (defaults applied). */
export type TaskMaterialFile = z.output<typeof taskMaterialFileSchema>;

/**
 * The {@link TaskMaterial} of a parsed material file (its `format` and `taskId` dropped).
 *
 * @example
 * ```ts
 * const material = toTaskMaterial(taskMaterialFileSchema.parse({ format: TASK_MATERIAL_FORMAT, taskId: 'cr-001' }));
 * material.candidates; // []
 * ```
 */
export function toTaskMaterial(file: TaskMaterialFile): TaskMaterial {
  return {
    sources: file.sources,
    referenceFacts: file.referenceFacts,
    repository: file.repository,
    candidates: file.candidates,
    evaluatorParameters: file.evaluatorParameters,
    perturbations: file.perturbations,
    ...(file.scopes === undefined ? {} : { scopes: file.scopes }),
  };
}
