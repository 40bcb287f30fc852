// Rule `memory-access`: workers read only the memory keys `memory.read_policy` grants them; the policies name workers.
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

/** Writers `write_policy.allowed_writers` may name besides workers (the LSS narrative standard lists `optimizer`). */
const NON_WORKER_WRITERS: readonly string[] = ['optimizer'];

/**
 * When `memory.read_policy` exists, a worker reading `memory.X` needs `X` in its entry of the policy (a worker
 * without an entry reads nothing). The keys of `read_policy` must be declared workers (error), and so must
 * `write_policy.allowed_writers` (or `optimizer`; a warning otherwise).
 *
 * @example
 * ```ts
 * checkMemoryAccess(document); // [{ message: 'Worker `writer` reads `memory.notes`, but …', fix: 'Add `notes` to `memory.read_policy.writer`.' }]
 * ```
 */
export function checkMemoryAccess(document: unknown): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const workers = declaredIds(document, 'workers');
  const workerIds = new Set(workers);
  const readPolicy = asRecord(field(document, 'memory', 'read_policy'));
  if (readPolicy !== undefined) {
    for (const reader of Object.keys(readPolicy)) {
      if (workerIds.has(reader)) continue;
      problems.push({
        ...unknownReference({
          path: ['memory', 'read_policy', reader],
          message: `\`memory.read_policy\` grants reads to \`${reader}\`, which is not a declared worker.`,
          name: reader,
          candidates: workers,
          kind: 'worker',
        }),
        anchor: 'key',
      });
    }
    for (const worker of listEntries(document, 'workers')) {
      if (worker.id === undefined) continue;
      const id = worker.id;
      const granted = Object.hasOwn(readPolicy, id) ? asList(readPolicy[id]).map(asString) : undefined;
      asList(worker.value?.inputs).forEach((input, position) => {
        const from = asString(field(input, 'from'));
        if (from === undefined) return;
        const { root, name } = splitReference(from);
        if (root !== 'memory' || name === '') return;
        const path = ['workers', worker.index, 'inputs', position, 'from'];
        if (granted === undefined) {
          problems.push({
            severity: 'error',
            rule: 'memory-access',
            message: `Worker \`${id}\` reads \`${from}\`, but \`memory.read_policy\` has no entry for \`${id}\`, so it may read nothing.`,
            path,
            fix: `Add \`${id}: [${name}]\` to \`memory.read_policy\`, or remove this input.`,
          });
        } else if (!granted.includes(name)) {
          const allowed = granted.filter((key): key is string => key !== undefined);
          const problem = unknownReference({
            path,
            message: `Worker \`${id}\` reads \`${from}\`, but \`memory.read_policy.${id}\` does not list \`${name}\`.`,
            name,
            candidates: allowed,
            prefix: 'memory.',
            kind: 'memory key',
            rule: 'memory-access',
          });
          if (!problem.fix?.startsWith('Did you mean'))
            problem.fix = `Add \`${name}\` to \`memory.read_policy.${id}\`.`;
          problems.push(problem);
        }
      });
    }
  }
  asList(field(document, 'memory', 'write_policy', 'allowed_writers')).forEach((writer, index) => {
    const id = asString(writer);
    if (id === undefined || workerIds.has(id) || NON_WORKER_WRITERS.includes(id)) return;
    problems.push(
      unknownReference({
        path: ['memory', 'write_policy', 'allowed_writers', index],
        message: `\`memory.write_policy.allowed_writers\` names \`${id}\`, which is not a declared worker (nor \`optimizer\`).`,
        name: id,
        candidates: [...workers, ...NON_WORKER_WRITERS],
        kind: 'worker',
        severity: 'warning',
      }),
    );
  });
  return problems;
}
