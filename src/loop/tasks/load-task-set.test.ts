import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadTaskSet, loadTasksFile } from './load-task-set.js';
import { emptyTaskMaterial } from './loop-task.js';
import { TaskFileError } from './task-file-error.js';
import { TASK_MATERIAL_FORMAT } from './task-material-schema.js';

const scratch = mkdtempSync(join(tmpdir(), 'loopgym-load-task-set-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

let directories = 0;
/** A fresh directory holding `files` (path → content; objects are written as JSON). */
function directoryWith(files: Record<string, unknown>): string {
  const directory = join(scratch, `set-${directories++}`);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(
      join(directory, path),
      typeof content === 'string' ? content : JSON.stringify(content, null, 2),
    );
  }
  mkdirSync(directory, { recursive: true });
  return directory;
}

const tasksJson = {
  task_family: 'LB-X-1',
  tasks: [
    { id: 't-1', difficulty: 'easy', perturbation: 'none', input: { query: 'one' } },
    { id: 't-2', perturbation: 'stale_source', input: { query: 'two' } },
  ],
};

async function loadError(promise: Promise<unknown>): Promise<TaskFileError> {
  const error: unknown = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(TaskFileError);
  return error as TaskFileError;
}

describe('loadTaskSet', () => {
  it('reads tasks.json in order, joins material files and roots every task at the directory', async () => {
    const directory = directoryWith({
      'tasks.json': tasksJson,
      'materials/t-2.json': {
        format: TASK_MATERIAL_FORMAT,
        taskId: 't-2',
        sources: [{ id: 'S1', title: 'A', text: 'T' }],
        perturbations: ['stale_source', 'missing_source'],
      },
    });
    const set = await loadTaskSet(directory);
    expect(set.family).toBe('LB-X-1');
    expect(set.tasks).toEqual([
      {
        id: 't-1',
        family: 'LB-X-1',
        difficulty: 'easy',
        inputs: { query: 'one' },
        material: emptyTaskMaterial(),
        root: directory,
      },
      {
        id: 't-2',
        family: 'LB-X-1',
        difficulty: undefined,
        inputs: { query: 'two' },
        material: {
          ...emptyTaskMaterial(),
          repository: undefined,
          sources: [{ id: 'S1', title: 'A', text: 'T' }],
          perturbations: ['stale_source', 'missing_source'],
        },
        root: directory,
      },
    ]);
  });

  it('names the file and the JSON path of a problem in tasks.json', async () => {
    const directory = directoryWith({ 'tasks.json': { tasks: [{ id: 't-1', inputs: { query: 'x' } }] } });
    const error = await loadError(loadTaskSet(directory));
    expect(error.file).toBe(join(directory, 'tasks.json'));
    expect(error.issues).toEqual([
      { path: '$.tasks[0].input', message: 'Missing `input`: add it (expected object).' },
      { path: '$.tasks[0].inputs', message: expect.stringContaining('Did you mean `input`?') },
    ]);
    expect(error.message).toContain(join(directory, 'tasks.json'));
    expect(error.message).toContain('$.tasks[0].inputs');
  });

  it('rejects duplicate task ids and ids that cannot name a file', async () => {
    const directory = directoryWith({
      'tasks.json': {
        tasks: [
          { id: 'a', input: {} },
          { id: 'a', input: {} },
          { id: '../b', input: {} },
        ],
      },
    });
    const error = await loadError(loadTaskSet(directory));
    expect(error.issues.map((issue) => issue.path)).toEqual(['$.tasks[2].id', '$.tasks[1].id']);
  });

  it('gives the line and column of a JSON syntax error', async () => {
    const directory = directoryWith({
      'tasks.json': '{\n  "tasks": [\n    { "id": "a" "input": {} }\n  ]\n}\n',
    });
    const error = await loadError(loadTaskSet(directory));
    expect(error.issues).toEqual([
      { path: '$', message: expect.stringMatching(/^Not valid JSON at line 3, column 17: /) },
    ]);
  });

  it('says so when the directory has no tasks.json', async () => {
    const directory = directoryWith({});
    const error = await loadError(loadTaskSet(directory));
    expect(error.message).toBe(
      `${join(directory, 'tasks.json')} at $: The file does not exist. Check the path.`,
    );
  });

  it('names the material file and path of a problem in it', async () => {
    const directory = directoryWith({
      'tasks.json': tasksJson,
      'materials/t-1.json': {
        format: TASK_MATERIAL_FORMAT,
        taskId: 't-1',
        candidates: [{ id: 'c', quality: 'ok', output: 'x' }],
      },
    });
    const error = await loadError(loadTaskSet(directory));
    expect(error.file).toBe(join(directory, 'materials', 't-1.json'));
    expect(error.issues[0]?.path).toBe('$.candidates[0].quality');
  });

  it('rejects a material file that names another task, or matches no task', async () => {
    const wrongId = directoryWith({
      'tasks.json': tasksJson,
      'materials/t-1.json': { format: TASK_MATERIAL_FORMAT, taskId: 't-2' },
    });
    expect((await loadError(loadTaskSet(wrongId))).issues[0]?.path).toBe('$.taskId');
    const orphan = directoryWith({
      'tasks.json': tasksJson,
      'materials/t-3.json': { format: TASK_MATERIAL_FORMAT, taskId: 't-3' },
    });
    const error = await loadError(loadTaskSet(orphan));
    expect(error.file).toBe(join(orphan, 'materials', 't-3.json'));
    expect(error.message).toContain('No task `t-3`');
  });

  it('checks that the repository and its editable files exist', async () => {
    const material = {
      format: TASK_MATERIAL_FORMAT,
      taskId: 't-1',
      repository: {
        path: 'fixtures/repo',
        language: 'python',
        testCommand: ['python3', '-m', 'unittest'],
        editableFiles: ['app.py', 'missing.py'],
      },
    };
    const noRepository = directoryWith({ 'tasks.json': tasksJson, 'materials/t-1.json': material });
    expect((await loadError(loadTaskSet(noRepository))).issues[0]?.path).toBe('$.repository.path');
    const noFile = directoryWith({
      'tasks.json': tasksJson,
      'materials/t-1.json': material,
      'fixtures/repo/app.py': 'print(1)\n',
    });
    expect((await loadError(loadTaskSet(noFile))).issues[0]?.path).toBe('$.repository.editableFiles[1]');
  });
});

describe('loadTasksFile', () => {
  it('reads a tasks file of any name without material, family optional', async () => {
    const directory = directoryWith({ 'my-tasks.json': { tasks: [{ id: 'x', input: { n: 1 } }] } });
    const set = await loadTasksFile(join(directory, 'my-tasks.json'));
    expect(set).toEqual({
      family: undefined,
      tasks: [
        {
          id: 'x',
          family: undefined,
          difficulty: undefined,
          inputs: { n: 1 },
          material: emptyTaskMaterial(),
          root: directory,
        },
      ],
    });
  });
});
