// One run: its figures, the distribution of returns, curves per iteration or per episode, costs and errors.
import { histogram, lineChart, movingAverage } from './charts.js';
import { api, card, dollars, el, number, percent, table, time } from './dom.js';

/** Renders run `id` into `root`. */
export async function renderRunPage(root, id) {
  const detail = await api(`/api/runs/${encodeURIComponent(id)}`);
  const { run, overview, episodes } = detail;
  const returns = episodes.map((episode) => episode.return);
  const charts = [histogram('Returns', returns)];
  if (detail.iterationCurves.length > 0) {
    const longest = Math.max(...detail.iterationCurves.map((curve) => curve.primary.length));
    const xs = Array.from({ length: longest }, (_, index) => index + 1);
    charts.push(
      lineChart(
        'Primary metric by iteration',
        xs,
        detail.iterationCurves.slice(0, 8).map((curve) => ({
          label: `episode ${curve.episode}`,
          values: xs.map((_, index) => curve.primary[index] ?? null),
        })),
        { xLabel: 'iteration', yLabel: 'primary metric', points: true },
      ),
    );
  }
  const indexes = episodes.map((episode) => episode.index);
  if (run.kind === 'train' || episodes.length >= 10) {
    charts.push(
      lineChart(
        run.kind === 'train' ? 'Learning curve' : 'Return by episode',
        indexes,
        [
          { label: 'return', values: returns },
          { label: 'mean of last 10', values: movingAverage(returns) },
        ],
        { xLabel: 'episode', yLabel: 'return' },
      ),
    );
    for (const name of detail.metricNames.filter((metric) => metric !== 'success').slice(0, 3)) {
      charts.push(
        lineChart(
          `${name} by episode`,
          indexes,
          [{ label: name, values: episodes.map((episode) => episode.metrics[name] ?? null) }],
          {
            xLabel: 'episode',
          },
        ),
      );
    }
  }
  if (episodes.some((episode) => episode.usage.inputTokens > 0)) {
    charts.push(
      lineChart(
        'Tokens by episode',
        indexes,
        [
          { label: 'input tokens', values: episodes.map((episode) => episode.usage.inputTokens) },
          { label: 'output tokens', values: episodes.map((episode) => episode.usage.outputTokens) },
        ],
        { xLabel: 'episode' },
      ),
    );
  }
  if (episodes.some((episode) => episode.costUsd > 0)) {
    charts.push(
      lineChart(
        'Cost by episode (USD)',
        indexes,
        [{ label: 'cost', values: episodes.map((episode) => episode.costUsd) }],
        {
          xLabel: 'episode',
        },
      ),
    );
  }
  const columns = [
    {
      label: 'Episode',
      value: (episode) => el('a', { href: `#/runs/${run.id}/episodes/${episode.index}` }, episode.index),
    },
    { label: 'Seed', value: (episode) => episode.seed ?? '-' },
    { label: 'Task', value: (episode) => episode.taskId ?? '-' },
    { label: 'Return', number: true, value: (episode) => number(episode.return) },
    { label: 'Steps', number: true, value: (episode) => episode.length },
    { label: 'End', value: (episode) => episode.terminationReason ?? '-' },
    {
      label: 'Tokens',
      number: true,
      value: (episode) => episode.usage.inputTokens + episode.usage.outputTokens,
    },
    { label: 'Cost', number: true, value: (episode) => dollars(episode.costUsd) },
    {
      label: 'Error',
      value: (episode) => (episode.error === null ? '' : el('span', { class: 'error' }, episode.error)),
    },
  ];
  root.replaceChildren(
    el(
      'h1',
      {},
      `Run ${run.id.slice(0, 8)} `,
      el('span', { class: 'pill' }, run.kind),
      ' ',
      el('span', { class: 'pill' }, run.status),
    ),
    el(
      'div',
      { class: 'cards' },
      card('Environment', run.envId),
      card('Agent', run.agent ?? '-'),
      card('Model', run.model ?? '-'),
      card('Backend', run.backend ?? '-'),
      card('Started (UTC)', time(run.startedAt)),
      card('Episodes', overview.episodes),
      card('Mean return', number(overview.meanReturn)),
      card('Success', percent(overview.successRate)),
      card('Steps', overview.steps),
      card('Tokens', `${overview.inputTokens} in, ${overview.outputTokens} out`),
      card('Cost', dollars(overview.costUsd)),
      card('Errors', overview.errors),
    ),
    el('h2', {}, 'Charts'),
    el('div', { class: 'charts' }, charts),
    el('h2', {}, 'Errors by cause'),
    detail.errors.length === 0
      ? el('p', { class: 'muted' }, 'No episode failed.')
      : table(
          [
            { label: 'Cause', value: (row) => el('span', { class: 'error' }, row.cause) },
            { label: 'Episodes', number: true, value: (row) => row.episodes },
          ],
          detail.errors,
        ),
    el('h2', {}, 'Episodes'),
    table(columns, episodes, { rowClass: (episode) => (episode.error === null ? '' : 'error') }),
    el('h2', {}, 'Config'),
    el('pre', { class: 'text' }, JSON.stringify(run.config, null, 2)),
  );
}
