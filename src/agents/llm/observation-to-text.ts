// Default text views of observations, chosen by the environment's observation space.
import type { Env } from '../../core/env.js';
import type { Space } from '../../core/space.js';

/** Turns an observation into the text a language model reads. */
export type ObservationToText<Obs = unknown> = (observation: Obs, env: EnvView) => string;

/** The part of an environment the text views read. */
export type EnvView = Pick<Env<unknown, unknown, unknown>, 'observationSpace' | 'renderMode' | 'render'>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/**
 * Any value as readable text: numbers rounded to 6 significant digits, typed arrays and arrays in brackets, records
 * as `key: value` lines, strings as they are.
 *
 * @example
 * ```ts
 * formatValue(new Float32Array([0.1, 2])); // '[0.1, 2]'
 * formatValue({ position: 3, goal: [1, 2] }); // 'position: 3\ngoal: [1, 2]'
 * ```
 */
export function formatValue(value: unknown, indent = ''): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'bigint' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return String(value);
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
    const items = Array.from(value as unknown as ArrayLike<number | bigint>, (item) => formatValue(item));
    return `[${items.join(', ')}]`;
  }
  if (Array.isArray(value)) return `[${value.map((item) => formatValue(item, indent)).join(', ')}]`;
  if (isRecord(value)) {
    return Object.entries(value)
      .map(([key, item]) => {
        const text = formatValue(item, `${indent}  `);
        return isRecord(item) ? `${indent}${key}:\n${text}` : `${indent}${key}: ${text}`;
      })
      .join('\n');
  }
  if (typeof value === 'symbol' || typeof value === 'function') return value.toString();
  return JSON.stringify(value);
}

const COLOR_NAMES = ['gray', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'white', 'crimson'];

function styleName(codes: string): string {
  const parts = codes.split(';').map(Number);
  const words: string[] = [];
  if (parts.includes(1)) words.push('bold');
  for (const code of parts) {
    if (code >= 30 && code <= 38) words.push(COLOR_NAMES[code - 30]!);
    if (code >= 40 && code <= 48) words.push(`highlighted ${COLOR_NAMES[code - 40]!}`);
  }
  return words.join(' ');
}

/**
 * An ansi frame without its colour codes, followed by one line per coloured cell (the toy-text renders mark the
 * agent, the taxi, the passenger and the destination with colours only), e.g. `Marked: "F" at line 2, character 1
 * (highlighted red)` (both counted from 1 in the picture).
 *
 * @example
 * ```ts
 * describeAnsiFrame('S\u001b[41mF\u001b[0mF'); // 'SFF\nMarked: "F" at line 1, character 2 (highlighted red)'
 * ```
 */
export function describeAnsiFrame(frame: string): string {
  const marks: string[] = [];
  let plain = '';
  // eslint-disable-next-line no-control-regex
  const pattern = /\u001b\[([0-9;]*)m([^\u001b]*)\u001b\[0m|\u001b\[[0-9;]*m/g;
  let last = 0;
  for (const match of frame.matchAll(pattern)) {
    plain += frame.slice(last, match.index);
    last = match.index + match[0].length;
    const text = match[2];
    if (text === undefined) continue;
    const lines = plain.replace(/^\n+/, '').split('\n');
    const line = lines.length;
    const column = lines.at(-1)!.length + 1;
    marks.push(
      `Marked: ${JSON.stringify(text)} at line ${line}, character ${column} (${styleName(match[1]!)})`,
    );
    plain += text;
  }
  plain += frame.slice(last);
  const body = plain.replace(/^\n+/, '').replace(/\s+$/, '');
  return marks.length === 0 ? body : `${body}\n${marks.join('\n')}`;
}

function loopObservationToText(observation: Record<string, unknown>): string {
  const lines: string[] = [
    `Task: ${formatValue(observation.taskId)}`,
    `Objective: ${formatValue(observation.objective)}`,
  ];
  const section = (title: string, value: unknown): void => {
    if (isRecord(value) && Object.keys(value).length > 0)
      lines.push('', `${title}:`, formatValue(value, '  '));
  };
  section('Inputs', observation.inputs);
  lines.push('', `Iteration: ${formatValue(observation.iteration)}`);
  const outputs = isRecord(observation.outputs) ? observation.outputs : {};
  const latest = Object.entries(outputs).filter(([, text]) => text !== '');
  if (latest.length > 0) {
    lines.push('', 'Latest outputs:');
    for (const [worker, text] of latest) lines.push(`--- ${worker} ---`, formatValue(text));
  }
  section('Scores', observation.scores);
  const feedback = isRecord(observation.feedback) ? observation.feedback : {};
  const notes = Object.entries(feedback).filter(([, items]) => Array.isArray(items) && items.length > 0);
  if (notes.length > 0) {
    lines.push('', 'Feedback:');
    for (const [worker, items] of notes) {
      for (const item of items as unknown[]) lines.push(`- (${worker}) ${formatValue(item)}`);
    }
  }
  return lines.join('\n');
}

function spaceLabel(space: Space<unknown, unknown>): string {
  return space.type;
}

/**
 * The default text of an observation: the environment's ansi render when it has one (toy-text envs), a loop's task,
 * inputs, latest outputs, scores and feedback for loop observations, the text itself for Text spaces, an index for
 * Discrete, and {@link formatValue} for Box, Dict, Tuple and anything else.
 *
 * @example
 * ```ts
 * const env = make('FrozenLake-v1', { renderMode: 'ansi' });
 * const { observation } = await env.reset({ seed: 0 });
 * defaultObservationToText(observation, env); // the lake with the agent's cell, and the position
 * ```
 */
export function defaultObservationToText(observation: unknown, env: EnvView): string {
  const space = env.observationSpace;
  if (space.type === 'LoopObservation' && isRecord(observation)) return loopObservationToText(observation);
  const valueText = formatValue(observation);
  if (env.renderMode === 'ansi') {
    let frame: unknown;
    try {
      frame = env.render();
    } catch {
      frame = undefined;
    }
    // Text environments render their observation itself: show it once.
    const sameText =
      typeof frame === 'string' && typeof observation === 'string' && frame.trim() === observation.trim();
    if (typeof frame === 'string' && frame.trim() !== '' && !sameText) {
      return `${describeAnsiFrame(frame)}\n\nObservation (${spaceLabel(space)}): ${valueText}`;
    }
  }
  if (space.type === 'Text' || typeof observation === 'string') return valueText;
  if (space.type === 'Discrete') return `Observation (state index): ${valueText}`;
  return valueText;
}
