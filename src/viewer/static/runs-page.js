/* global location, alert */
// The runs table: filter by environment, agent or model, backend, kind, status and date; sort by any column.
import { api, dollars, el, number, percent, table, time } from './dom.js';

const state = {
  sortBy: 5,
  descending: true,
  env: '',
  agent: '',
  backend: '',
  kind: '',
  since: '',
  selected: new Set(),
};

const COLUMNS = [
  { label: '', value: (run) => checkbox(run) },
  {
    label: 'Run',
    value: (run) => el('a', { href: `#/runs/${run.id}` }, run.id.slice(0, 8)),
    sort: (run) => run.id,
  },
  { label: 'Kind', value: (run) => run.kind, sort: (run) => run.kind },
  { label: 'Environment', value: (run) => run.envId, sort: (run) => run.envId },
  { label: 'Agent / model', value: (run) => agentOf(run), sort: (run) => agentOf(run) },
  { label: 'Started (UTC)', value: (run) => time(run.startedAt), sort: (run) => run.startedAt },
  { label: 'Backend', value: (run) => run.backend ?? '-', sort: (run) => run.backend ?? '' },
  { label: 'Status', value: (run) => run.status, sort: (run) => run.status },
  {
    label: 'Episodes',
    number: true,
    value: (run) => run.overview.episodes,
    sort: (run) => run.overview.episodes,
  },
  {
    label: 'Mean return',
    number: true,
    value: (run) => number(run.overview.meanReturn),
    sort: (run) => run.overview.meanReturn,
  },
  {
    label: 'Success',
    number: true,
    value: (run) => percent(run.overview.successRate),
    sort: (run) => run.overview.successRate,
  },
  {
    label: 'Cost',
    number: true,
    value: (run) => dollars(run.overview.costUsd),
    sort: (run) => run.overview.costUsd,
  },
];

function agentOf(run) {
  return [run.agent, run.model].filter((part) => part !== null && part !== undefined).join(' / ') || '-';
}

function checkbox(run) {
  const box = el('input', { type: 'checkbox', title: 'Select to compare', dataset: { run: run.id } });
  box.checked = state.selected.has(run.id);
  box.addEventListener('change', () => {
    if (box.checked) state.selected.add(run.id);
    else state.selected.delete(run.id);
  });
  return box;
}

function matches(run) {
  const has = (text, part) => text.toLowerCase().includes(part.toLowerCase());
  return (
    has(run.envId, state.env) &&
    has(agentOf(run), state.agent) &&
    (state.backend === '' || (run.backend ?? '-') === state.backend) &&
    (state.kind === '' || run.kind === state.kind) &&
    (state.since === '' || run.startedAt.slice(0, 10) >= state.since)
  );
}

/** Renders the runs page into `root`. */
export async function renderRunsPage(root) {
  const { runs } = await api('/api/runs');
  const redraw = () => renderRunsPage(root);
  const input = (key, placeholder, type = 'search') => {
    const field = el('input', { type, placeholder, 'aria-label': placeholder, dataset: { filter: key } });
    field.value = state[key];
    field.addEventListener('change', () => {
      state[key] = field.value;
      redraw();
    });
    return field;
  };
  const select = (key, label, options) => {
    const field = el(
      'select',
      { 'aria-label': label, dataset: { filter: key } },
      el('option', { value: '' }, `${label}: all`),
      options.map((option) => el('option', { value: option }, option)),
    );
    field.value = state[key];
    field.addEventListener('change', () => {
      state[key] = field.value;
      redraw();
    });
    return field;
  };
  const backends = [...new Set(runs.map((run) => run.backend ?? '-'))].sort();
  const shown = runs.filter(matches);
  const compare = el(
    'button',
    {
      type: 'button',
      onclick: () => {
        const ids = [...state.selected];
        if (ids.length >= 2) location.hash = `#/compare/${ids.join(',')}`;
        else alert('Select at least two runs to compare.');
      },
    },
    'Compare selected',
  );
  root.replaceChildren(
    el('h1', {}, 'Runs'),
    el(
      'div',
      { class: 'filters' },
      input('env', 'Environment'),
      input('agent', 'Agent or model'),
      select('backend', 'Backend', backends),
      select('kind', 'Kind', ['eval', 'train', 'loop']),
      el('label', {}, 'Since ', input('since', 'Since', 'date')),
      compare,
      el('span', { class: 'muted' }, `${shown.length} of ${runs.length} runs`),
    ),
    runs.length === 0
      ? el('p', { class: 'muted' }, 'No runs yet: record some with `loopgym eval <env> …`.')
      : table(COLUMNS, shown, {
          sortBy: state.sortBy,
          descending: state.descending,
          onSort: (index, descending) => {
            state.sortBy = index;
            state.descending = descending;
            redraw();
          },
        }),
  );
}
