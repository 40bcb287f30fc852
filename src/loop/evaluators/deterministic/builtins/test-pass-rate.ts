// evaluators.test_pass_rate: apply the worker's code to a copy of the task repository and run its tests.
import { mkdtemp, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import type { LoopTask, TaskRepository } from '../../../tasks/loop-task.js';
import type { WorkerOutput } from '../../../worker-output.js';
import type { EvaluatorVerdict } from '../../evaluator-verdict.js';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { MissingTaskMaterialError } from '../deterministic-evaluator-errors.js';
import { applyCodePieces } from '../test-runner/apply-code-output.js';
import { codePieces, findCodeOutput } from '../test-runner/find-code-output.js';
import { copyRepository, writeRepositoryFiles } from '../test-runner/repository-copy.js';
import { runRepositoryTests } from '../test-runner/run-repository-tests.js';
import { scoreTestRun } from '../test-runner/score-test-run.js';

const NAME = 'evaluators.test_pass_rate';

/**
 * The parameters of `evaluators.test_pass_rate`.
 *
 * @example
 * ```ts
 * testPassRateParameters.parse({}); // { timeout_seconds: 30, memory_mb: 512, max_output_bytes: 1000000 }
 * ```
 */
export const testPassRateParameters = z.object({
  timeout_seconds: z.number().positive().max(3600).default(30).describe('Wall-clock limit of the test run.'),
  memory_mb: z.number().int().min(64).max(65536).default(512).describe('Memory limit of the test process.'),
  max_output_bytes: z
    .number()
    .int()
    .min(1024)
    .default(1_000_000)
    .describe('The most bytes of stdout and of stderr kept from the test run.'),
});

/**
 * Applies the code of `outputs` to a fresh copy of the task repository and runs its tests, sandboxed: a verdict
 * whose score is the share of required tests that pass (see {@link scoreTestRun}). Worker mistakes are verdicts
 * (`no_code`, `forbidden_file`, `patch_does_not_apply`, `ambiguous_code`, `tests_failing`, `syntax_error`,
 * `timeout`, `memory_limit`, `no_tests`); a task without a usable repository throws {@link MissingTaskMaterialError}.
 * The temporary directory is always removed.
 *
 * @example
 * ```ts
 * const verdict = await judgeCodeWithTests({ outputs, task, signal }, { timeout_seconds: 30, memory_mb: 512, max_output_bytes: 1e6 });
 * ```
 */
export async function judgeCodeWithTests(
  context: { outputs: readonly WorkerOutput[]; task: LoopTask; signal: AbortSignal; evaluatorName?: string },
  parameters: z.output<typeof testPassRateParameters>,
): Promise<EvaluatorVerdict> {
  const evaluatorName = context.evaluatorName ?? NAME;
  const { task } = context;
  const repository = task.material.repository;
  if (repository === undefined) {
    throw new MissingTaskMaterialError(
      evaluatorName,
      task.id,
      'it has no repository; add `repository` to the task.',
    );
  }
  const source = await repositoryDirectory(evaluatorName, task, repository);
  const output = findCodeOutput(context.outputs);
  const pieces = output === undefined ? [] : codePieces(output);
  if (pieces.length === 0) {
    return createVerdict({
      score: 0,
      failureCodes: ['no_code'],
      remediationHints: [
        'Send the changed file in a fenced block naming it (```python path=calc.py), or a unified diff.',
      ],
      summary: 'The output holds no code to test.',
    });
  }
  const application = await applyCodePieces(pieces, {
    editableFiles: repository.editableFiles,
    readFile: (path) => readFile(join(source, path), 'utf8').catch(() => undefined),
  });
  if (!application.ok) {
    return createVerdict({
      score: 0,
      failureCodes: [application.failureCode],
      remediationHints: application.hints,
      summary: application.summary,
    });
  }
  const workDirectory = await realpath(await mkdtemp(join(tmpdir(), 'loopgym-tests-')));
  try {
    const copy = join(workDirectory, 'repository');
    await copyRepository(source, copy);
    const refused = await writeRepositoryFiles(copy, application.files);
    if (refused.length > 0) {
      return createVerdict({
        score: 0,
        failureCodes: ['forbidden_file'],
        remediationHints: [`Do not write through symbolic links: ${refused.join(', ')}.`],
        summary: `The code writes through symbolic links: ${refused.join(', ')}.`,
      });
    }
    const run = await runRepositoryTests({
      repositoryDirectory: copy,
      workDirectory,
      repository,
      timeoutMs: Math.round(parameters.timeout_seconds * 1000),
      memoryMb: parameters.memory_mb,
      maxOutputBytes: parameters.max_output_bytes,
      signal: context.signal,
    });
    return scoreTestRun(run, {
      requiredTests: repository.requiredTests,
      timeoutSeconds: parameters.timeout_seconds,
      memoryMb: parameters.memory_mb,
      sanitize: (text) =>
        text
          .split(`${copy}/`)
          .join('')
          .split(copy)
          .join('.')
          .split(workDirectory)
          .join('<work>')
          .replace(/\b0x[0-9a-f]{6,}\b/giu, '0x…'),
      details: {
        changed_files: [...application.files.keys()].sort(),
        ignored_blocks: application.ignoredBlocks,
      },
    });
  } finally {
    await rm(workDirectory, { recursive: true, force: true });
  }
}

async function repositoryDirectory(
  evaluatorName: string,
  task: LoopTask,
  repository: TaskRepository,
): Promise<string> {
  if (task.root === undefined && !isAbsolute(repository.path)) {
    throw new MissingTaskMaterialError(
      evaluatorName,
      task.id,
      `its repository path \`${repository.path}\` is relative but the task has no root directory; load the task from files or give an absolute path.`,
    );
  }
  const directory = resolve(task.root ?? '/', repository.path);
  const found = await stat(directory).catch(() => undefined);
  if (found?.isDirectory() !== true) {
    throw new MissingTaskMaterialError(
      evaluatorName,
      task.id,
      `its repository directory ${directory} does not exist.`,
    );
  }
  return directory;
}

/**
 * `evaluators.test_pass_rate`: applies the judged worker's code (files named in fenced blocks, a single unnamed block
 * for the single editable file, or a unified diff) to a copy of the task repository and runs its tests in a
 * sandboxed child process (timeout `timeout_seconds`, default 30; memory `memory_mb`, default 512). The score is the
 * share of required tests that pass; it passes when all do.
 *
 * @example
 * ```ts
 * await testPassRate.evaluate({ evaluatorId: 'test_runner', outputs: [patch], task, parameters: {}, signal });
 * // { score: 1, passed: true, summary: '4 of 4 tests pass.', … }
 * ```
 */
export const testPassRate = defineDeterministicEvaluator({
  name: NAME,
  description:
    "The share of the task repository's required tests that pass once the output's code is applied (sandboxed run).",
  parameters: testPassRateParameters,
  evaluate: ({ outputs, task, signal }, parameters) =>
    judgeCodeWithTests({ outputs, task, signal }, parameters),
});
