// The telemetry signals a metric may read as `telemetry.<signal>`.

/** A signal the loop engine records for every run, readable by metrics as `telemetry.<name>`. */
export interface TelemetrySignal {
  name: string;
  unit: 'usd' | 'tokens' | 'seconds' | 'count';
  description: string;
}

/**
 * The documented telemetry signals (the Loop-Core standard metric names, `specs/loop-ids.md` §4, plus `iterations`
 * as an alias of `iteration`). A metric may also read a sub-signal such as `telemetry.cost.workers`; the validator
 * warns about any other signal.
 *
 * @example
 * ```ts
 * TELEMETRY_SIGNALS.map((signal) => signal.name); // ['cost', 'tokens', 'latency', 'iteration', 'iterations', 'safety']
 * ```
 */
export const TELEMETRY_SIGNALS: readonly Readonly<TelemetrySignal>[] = Object.freeze(
  (
    [
      {
        name: 'cost',
        unit: 'usd',
        description: 'Money spent by workers and evaluators so far, in US dollars.',
      },
      { name: 'tokens', unit: 'tokens', description: 'Tokens used by workers and evaluators so far.' },
      { name: 'latency', unit: 'seconds', description: 'Wall-clock time of the latest iteration.' },
      { name: 'iteration', unit: 'count', description: 'Number of iterations run so far.' },
      { name: 'iterations', unit: 'count', description: 'The same as `iteration`.' },
      { name: 'safety', unit: 'count', description: 'Safety constraints triggered so far.' },
    ] satisfies TelemetrySignal[]
  ).map((signal) => Object.freeze(signal)),
);
