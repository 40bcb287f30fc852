// Plots with uPlot (loaded as the global `uPlot` from /vendor/uplot.js).
import { el } from './dom.js';

const COLORS = ['#3559e0', '#e0663b', '#2e9e6a', '#9a4fd6', '#c2a014', '#d2407d', '#2a9bb5', '#7a7a7a'];

/**
 * A line chart: `xs` and one or more named series (null for gaps).
 * @param {string} title
 * @param {number[]} xs
 * @param {{label: string, values: (number|null)[]}[]} series
 * @param {{xLabel?: string, yLabel?: string, width?: number, height?: number, points?: boolean}} [options]
 */
export function lineChart(title, xs, series, options = {}) {
  const box = el(
    'div',
    { class: 'chart', dataset: { chart: title } },
    el('div', { class: 'chart-title' }, title),
  );
  const UPlot = globalThis.uPlot;
  if (UPlot === undefined || xs.length === 0) {
    box.append(
      el('p', { class: 'muted' }, xs.length === 0 ? 'No data yet.' : 'Charts need /vendor/uplot.js.'),
    );
    return box;
  }
  const plot = new UPlot(
    {
      width: options.width ?? 560,
      height: options.height ?? 240,
      scales: { x: { time: false } },
      axes: [{ label: options.xLabel ?? '' }, { label: options.yLabel ?? '' }],
      legend: { show: series.length <= 8 },
      series: [
        { label: options.xLabel ?? 'x' },
        ...series.map((one, index) => ({
          label: one.label,
          stroke: COLORS[index % COLORS.length],
          width: 1.5,
          points: { show: options.points ?? xs.length <= 30 },
          spanGaps: false,
        })),
      ],
    },
    [xs, ...series.map((one) => one.values)],
    box,
  );
  box.dataset.series = String(plot.series.length - 1);
  return box;
}

/**
 * A histogram of values as a stepped line over bins.
 * @param {string} title
 * @param {number[]} values
 */
export function histogram(title, values, bins = 12) {
  if (values.length === 0) return lineChart(title, [], []);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const width = high > low ? (high - low) / bins : 1;
  const count = high > low ? bins : 1;
  const counts = new Array(count).fill(0);
  for (const value of values) counts[Math.min(count - 1, Math.floor((value - low) / width))] += 1;
  const xs = counts.map((_, index) => low + index * width);
  const UPlot = globalThis.uPlot;
  const box = el(
    'div',
    { class: 'chart', dataset: { chart: title } },
    el('div', { class: 'chart-title' }, title),
  );
  if (UPlot === undefined) return box;
  new UPlot(
    {
      width: 420,
      height: 240,
      scales: { x: { time: false } },
      axes: [{ label: 'return' }, { label: 'episodes' }],
      series: [
        { label: 'return from' },
        {
          label: 'episodes',
          stroke: COLORS[0],
          fill: 'rgba(53, 89, 224, 0.25)',
          paths: UPlot.paths.bars({ size: [0.9] }),
        },
      ],
    },
    [xs, counts],
    box,
  );
  return box;
}

/** The running mean of the last `window` values. */
export function movingAverage(values, window = 10) {
  const result = [];
  let sum = 0;
  for (let index = 0; index < values.length; index += 1) {
    sum += values[index];
    if (index >= window) sum -= values[index - window];
    result.push(sum / Math.min(index + 1, window));
  }
  return result;
}
