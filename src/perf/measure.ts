/** A throughput measurement. */
export interface Measurement {
  name: string;
  /** Steps (or items) per second, the best of the repetitions. */
  perSecond: number;
  repetitions: number;
}

/**
 * Runs `work` (which performs `units` units and may be async) once to warm up, then `repetitions` times, and keeps
 * the best rate: on a shared machine the best run is the least disturbed one.
 *
 * @example
 * ```ts
 * const m = await measure('loop', 1e6, () => { for (let i = 0; i < 1e6; i++); });
 * ```
 */
export async function measure(
  name: string,
  units: number,
  work: () => unknown,
  repetitions = 5,
): Promise<Measurement> {
  await work();
  let best = 0;
  for (let r = 0; r < repetitions; r++) {
    const start = performance.now();
    await work();
    const seconds = (performance.now() - start) / 1000;
    best = Math.max(best, units / seconds);
  }
  return { name, perSecond: best, repetitions };
}
