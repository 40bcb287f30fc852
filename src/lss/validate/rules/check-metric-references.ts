// Rule `reference` for metrics and what reads them: metric `source`, termination `metric` names.
import { TELEMETRY_SIGNALS } from '../telemetry-signals.js';
import { asList, asString, declaredIds, field, listEntries, splitReference } from './document-access.js';
import type { RuleProblem } from './spec-rule.js';
import { unknownReference } from './unknown-reference.js';

const SIGNAL_NAMES = TELEMETRY_SIGNALS.map((signal) => signal.name);

/**
 * A metric's `source` names a declared evaluator or worker, or a documented telemetry signal (an undocumented one is
 * a warning: the engine records nothing under that name); `termination_conditions.success[].metric` and
 * `stall[].metric` name declared metrics.
 *
 * @example
 * ```ts
 * checkMetricReferences(document); // [{ path: ['termination_conditions', 'success', 0, 'metric'], fix: 'Did you mean `primary_quality`?', … }]
 * ```
 */
export function checkMetricReferences(document: unknown): RuleProblem[] {
  const workers = declaredIds(document, 'workers');
  const evaluators = declaredIds(document, 'evaluators');
  const workerIds = new Set(workers);
  const evaluatorIds = new Set(evaluators);
  const metrics = declaredIds(document, 'metrics', 'name');
  const metricNames = new Set(metrics);
  const problems: RuleProblem[] = [];
  for (const metric of listEntries(document, 'metrics', 'name')) {
    const source = asString(metric.value?.source);
    if (source === undefined) continue;
    const who = metric.id === undefined ? `metrics[${metric.index}]` : `Metric \`${metric.id}\``;
    const { root, name, rest } = splitReference(source);
    const path = ['metrics', metric.index, 'source'];
    if (name === '') continue;
    if (root === 'evaluators' || root === 'workers') {
      const own = root === 'evaluators' ? evaluators : workers;
      const ownIds = root === 'evaluators' ? evaluatorIds : workerIds;
      if (ownIds.has(name) && rest.length === 0) continue;
      const other = root === 'evaluators' ? 'workers' : 'evaluators';
      const problem = unknownReference({
        path,
        message: `${who} comes from \`${source}\`, which is not a declared ${root === 'evaluators' ? 'evaluator' : 'worker'}.`,
        name: [name, ...rest].join('.'),
        candidates: own,
        prefix: `${root}.`,
        kind: root === 'evaluators' ? 'evaluator' : 'worker',
      });
      if (ownIds.has(name)) problem.fix = `Write \`${root}.${name}\`.`;
      else if ((other === 'workers' ? workerIds : evaluatorIds).has(name))
        problem.fix = `Did you mean \`${other}.${name}\`?`;
      problems.push(problem);
    } else if (root === 'telemetry' && !SIGNAL_NAMES.includes(name)) {
      problems.push(
        unknownReference({
          path,
          message: `${who} reads the telemetry signal \`${name}\`, which LoopGym does not record (it records ${SIGNAL_NAMES.map((s) => `\`${s}\``).join(', ')}).`,
          name,
          candidates: SIGNAL_NAMES,
          prefix: 'telemetry.',
          kind: 'telemetry signal',
          severity: 'warning',
        }),
      );
    }
  }
  for (const kind of ['success', 'stall'] as const) {
    asList(field(document, 'termination_conditions', kind)).forEach((condition, index) => {
      const name = asString(field(condition, 'metric'));
      if (name === undefined || metricNames.has(name)) return;
      problems.push(
        unknownReference({
          path: ['termination_conditions', kind, index, 'metric'],
          message: `The ${kind} condition watches the metric \`${name}\`, which \`metrics\` does not declare.`,
          name,
          candidates: metrics,
          kind: 'metric',
        }),
      );
    });
  }
  return problems;
}
