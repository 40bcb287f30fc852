// Rule `reference` for workers: `depends_on` ids, and `inputs[].from` of `workers.X` and `inputs.X`.
import {
  asList,
  asRecord,
  asString,
  declaredIds,
  field,
  listEntries,
  splitReference,
} from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

/**
 * Every `depends_on` entry names a declared worker; every `inputs[].from` of the form `workers.X` names a declared
 * worker and every `inputs.X` a field of `inputs.schema` (its first segment: `inputs.config.depth` reads `config`).
 *
 * @example
 * ```ts
 * checkWorkerReferences(document); // [{ message: 'Worker `writer` reads `inputs.qurey`, …', fix: 'Did you mean `inputs.query`?' }]
 * ```
 */
export function checkWorkerReferences(document: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const workers = declaredIds(document, 'workers');
  const workerIds = new Set(workers);
  const inputSchema = asRecord(field(document, 'inputs', 'schema'));
  const inputFields = inputSchema === undefined ? undefined : Object.keys(inputSchema);
  const inputFieldNames = new Set(inputFields);
  for (const worker of listEntries(document, 'workers')) {
    const who = worker.id === undefined ? `workers[${worker.index}]` : `Worker \`${worker.id}\``;
    asList(worker.value?.depends_on).forEach((dependency, position) => {
      const id = asString(dependency);
      if (id === undefined || workerIds.has(id)) return;
      problems.push(
        unknownReference({
          path: ['workers', worker.index, 'depends_on', position],
          message: `${who} depends on \`${id}\`, which is not a declared worker.`,
          name: id,
          candidates: workers.filter((candidate) => candidate !== worker.id),
          kind: 'worker',
        }),
      );
    });
    asList(worker.value?.inputs).forEach((input, position) => {
      const from = asString(field(input, 'from'));
      if (from === undefined) return;
      const { root, name } = splitReference(from);
      const path = ['workers', worker.index, 'inputs', position, 'from'];
      if (root === 'workers' && name !== '' && !workerIds.has(name)) {
        problems.push(
          unknownReference({
            path,
            message: `${who} reads \`${from}\`, which is not a declared worker.`,
            name,
            candidates: workers,
            prefix: 'workers.',
            kind: 'worker',
          }),
        );
      } else if (
        root === 'inputs' &&
        name !== '' &&
        inputFields !== undefined &&
        !inputFieldNames.has(name)
      ) {
        const problem = unknownReference({
          path,
          message: `${who} reads \`${from}\`, which \`inputs.schema\` does not declare.`,
          name,
          candidates: inputFields,
          prefix: 'inputs.',
          kind: 'input field',
        });
        if (!problem.fix?.startsWith('Did you mean'))
          problem.fix = `Declare \`${name}\` in \`inputs.schema\` (with \`type\` and \`description\`), or read a declared field.`;
        problems.push(problem);
      }
    });
  }
  return problems;
}
