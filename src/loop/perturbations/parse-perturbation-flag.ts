// `--perturb name[:key=value,…]`: a perturbation request from the command line.
import { InvalidArgumentError } from '../../core/errors.js';
import type { PerturbationRequest } from './perturbation.js';

/**
 * Reads a `--perturb` value: a name, optionally followed by `:` and `key=value` pairs separated by commas. Values
 * that look like numbers become numbers, `true`/`false` booleans, and values with `|` lists (`tools=shell|curl`).
 *
 * @throws {InvalidArgumentError} for an empty name or a pair without `=`.
 * @example
 * ```ts
 * parsePerturbationFlag('api_latency:seconds=5,jitter=0'); // { name: 'api_latency', seconds: 5, jitter: 0 }
 * ```
 */
export function parsePerturbationFlag(text: string): PerturbationRequest {
  const colon = text.indexOf(':');
  const name = (colon === -1 ? text : text.slice(0, colon)).trim();
  if (name === '') {
    throw new InvalidArgumentError(
      `--perturb needs a perturbation name, e.g. --perturb api_latency:seconds=5; got ${JSON.stringify(text)}.`,
    );
  }
  if (colon === -1) return name;
  const request: { name: string } & Record<string, unknown> = { name };
  for (const pair of text.slice(colon + 1).split(',')) {
    if (pair.trim() === '') continue;
    const equals = pair.indexOf('=');
    if (equals <= 0) {
      throw new InvalidArgumentError(
        `--perturb ${name}: \`${pair}\` is not key=value (write e.g. --perturb ${name}:key=value,other=2).`,
      );
    }
    const value = pair.slice(equals + 1).trim();
    request[pair.slice(0, equals).trim()] = value.includes('|')
      ? value.split('|').map(scalar)
      : scalar(value);
  }
  return request;
}

function scalar(text: string): string | number | boolean {
  if (text === 'true') return true;
  if (text === 'false') return false;
  const number = Number(text);
  return text !== '' && Number.isFinite(number) ? number : text;
}
