// Runs side by side: mean return with its interval, success, steps, cost; tests against the first run; per task.
import { api, dollars, el, number, percent, table } from './dom.js';

/** Renders the comparison of `ids` into `root`. */
export async function renderComparePage(root, ids) {
  const detail = await api(`/api/compare?runs=${ids.map(encodeURIComponent).join(',')}`);
  const { runs, comparisons, tasks } = detail;
  const interval = (run) =>
    run.meanReturnInterval
      ? `${number(run.meanReturnInterval.low)} – ${number(run.meanReturnInterval.high)}`
      : '-';
  root.replaceChildren(
    el('h1', {}, `Comparing ${runs.length} runs`),
    table(
      [
        { label: 'Run', value: (run) => el('a', { href: `#/runs/${run.id}` }, run.id.slice(0, 8)) },
        { label: 'Environment', value: (run) => run.envId },
        { label: 'Agent / model', value: (run) => [run.agent, run.model].filter(Boolean).join(' / ') || '-' },
        { label: 'Episodes', number: true, value: (run) => run.episodes },
        { label: 'Mean return', number: true, value: (run) => number(run.meanReturn) },
        { label: '95% interval', number: true, value: interval },
        { label: 'Success', number: true, value: (run) => percent(run.successRate) },
        { label: 'Mean steps', number: true, value: (run) => number(run.meanSteps, 1) },
        { label: 'Mean cost', number: true, value: (run) => dollars(run.meanCostUsd) },
      ],
      runs,
    ),
    el('h2', {}, `Against ${runs[0].id.slice(0, 8)}`),
    table(
      [
        { label: 'Run', value: (row) => row.run.slice(0, 8) },
        { label: 'Test', value: (row) => row.reason },
        {
          label: 'Difference',
          number: true,
          value: (row) => number(row.result.difference ?? row.result.meanDifference ?? row.result.observed),
        },
        { label: 'p-value', number: true, value: (row) => number(row.result.pValue, 4) },
      ],
      comparisons,
    ),
    el('h2', {}, `Mean return by ${detail.taskKey}`),
    table(
      [
        { label: detail.taskKey === 'task' ? 'Task' : 'Seed', value: (row) => row.key },
        ...runs.map((run, index) => ({
          label: run.id.slice(0, 8),
          number: true,
          value: (row) => number(row.means[index]),
        })),
        ...runs.slice(1).map((run, offset) => ({
          label: `Δ ${run.id.slice(0, 8)}`,
          number: true,
          value: (row) => {
            const base = row.means[0];
            const other = row.means[offset + 1];
            return base === null || other === null ? '-' : number(other - base);
          },
        })),
      ],
      tasks,
    ),
  );
}
