// The shape of a signal of the heuristic prompt-injection detector, and helpers to write signals.

/** Where a signal fired. */
export interface SignalMatch {
  start: number;
  end: number;
}

/**
 * One heuristic signal: a named pattern with a weight, the probability-like strength with which it alone suggests an
 * injection (see `assessInjection` for how weights combine).
 *
 * @example
 * ```ts
 * const shouting: InjectionSignal = regexSignal('shouting', 0.1, 'shouts', /\b[A-Z]{12,}\b/g);
 * ```
 */
export interface InjectionSignal {
  /** Also the label of its spans. */
  name: string;
  /** On (0, 1): how strongly this signal alone suggests an injection. */
  weight: number;
  /** What it means, in words: `asks to ignore earlier instructions`. */
  description: string;
  find(text: string): SignalMatch[];
}

/**
 * Every match of a global regular expression that `accept` keeps.
 *
 * @example
 * ```ts
 * signalMatches(/a/g, 'banana'); // [{ start: 1, end: 2 }, { start: 3, end: 4 }, { start: 5, end: 6 }]
 * ```
 */
export function signalMatches(
  expression: RegExp,
  text: string,
  accept: (value: string, start: number) => boolean = () => true,
): SignalMatch[] {
  const found: SignalMatch[] = [];
  for (const match of text.matchAll(expression)) {
    if (accept(match[0], match.index)) found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * A signal that fires on every match of a global regular expression.
 *
 * @example
 * ```ts
 * regexSignal('role_marker', 0.72, 'imitates a role marker', /<\|im_start\|>/g).find('<|im_start|>'); // [{ start: 0, end: 12 }]
 * ```
 */
export function regexSignal(
  name: string,
  weight: number,
  description: string,
  expression: RegExp,
): InjectionSignal {
  return { name, weight, description, find: (text) => signalMatches(expression, text) };
}
