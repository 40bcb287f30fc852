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

/** One of the workloads {@link measureAlternately} compares. */
export interface Workload {
  name: string;
  /** Units (steps) one call of `work` performs. */
  units: number;
  work: () => unknown;
}

/**
 * Like {@link measure} for several workloads at once, run in turn within each repetition: on a shared machine the
 * load changes over seconds, so workloads whose ratio matters are measured side by side rather than one after the
 * other. Each keeps its best rate.
 *
 * @example
 * ```ts
 * const [bare, env] = await measureAlternately([
 *   { name: 'bare', units: 1e6, work: () => bareLoop() },
 *   { name: 'env', units: 1e6, work: () => envLoop() },
 * ]);
 * ```
 */
export async function measureAlternately(
  workloads: readonly Workload[],
  repetitions = 9,
): Promise<Measurement[]> {
  for (const { work } of workloads) await work();
  const best = workloads.map(() => 0);
  for (let r = 0; r < repetitions; r++) {
    for (const [index, { units, work }] of workloads.entries()) {
      const start = performance.now();
      await work();
      const seconds = (performance.now() - start) / 1000;
      best[index] = Math.max(best[index]!, units / seconds);
    }
  }
  return workloads.map(({ name }, index) => ({ name, perSecond: best[index]!, repetitions }));
}
