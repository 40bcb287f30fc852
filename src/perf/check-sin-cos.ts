import { createRng } from '../core/random/rng.js';
import { glibcCos, glibcSin } from '../envs/classic-control/math/glibc-sin-cos.js';
import { glibcSinCosBatch } from '../envs/classic-control/math/glibc-sin-cos-batch.js';
import { finishSinCosBatch } from '../envs/classic-control/math/glibc-sin-cos-exact-products.js';

/*
 * `node dist/perf/check-sin-cos.js [count] [seed]`: checks glibcSinCosBatch's fast path and its second pass against
 * the FMA-emulating glibcSin/glibcCos on `count` seeded arguments (default 10 million) of the fast range, in
 * batches of 256: the same comparison the unit tests make on 200,000 arguments, at a scale that can take minutes.
 * Prints the mismatches (there must be none) and how often each pass leaves an argument undecided. Exits 1 on a
 * mismatch.
 */

const BATCH = 256;

function fill(values: Float64Array, rng: ReturnType<typeof createRng>): void {
  for (let i = 0; i < values.length; i++) {
    const kind = i % 4;
    let x: number;
    if (kind === 0) x = rng.random() * 0.126;
    else if (kind === 1) x = 0.126 + rng.random() * (0.85546875 - 0.126);
    else if (kind === 2)
      x = rng.random() * 0.21; // CartPole's live range
    else x = rng.integers(1, 110) / 128 + (rng.random() - 0.5) * 2 ** -rng.integers(10, 60);
    values[i] = rng.random() < 0.5 ? -x : x;
  }
}

function main(): void {
  const count = Number(process.argv[2] ?? 10_000_000);
  const rng = createRng(Number(process.argv[3] ?? 1));
  const values = new Float64Array(BATCH);
  const fast = new Float64Array(2 * BATCH);
  const second = new Float64Array(2 * BATCH);
  const everyIndex = Int32Array.from({ length: BATCH }, (_, i) => i);
  let undecided = 0;
  let emulated = 0;
  let mismatches = 0;
  const start = performance.now();
  for (let done = 0; done < count; done += BATCH) {
    fill(values, rng);
    undecided += glibcSinCosBatch(values, 0, 1, BATCH, fast);
    emulated += finishSinCosBatch(values, 0, 1, everyIndex, BATCH, second);
    for (let j = 0; j < BATCH; j++) {
      const x = values[j]!;
      const sine = glibcSin(x);
      const cosine = glibcCos(x);
      for (const [name, out] of [
        ['fast path', fast],
        ['second pass', second],
      ] as const) {
        if (Object.is(out[2 * j], sine) && Object.is(out[2 * j + 1], cosine)) continue;
        mismatches++;
        if (mismatches <= 10) {
          console.log(`${name}: x = ${x}: [${out[2 * j]}, ${out[2 * j + 1]}], glibc [${sine}, ${cosine}]`);
        }
      }
    }
  }
  const total = Math.ceil(count / BATCH) * BATCH;
  const seconds = (performance.now() - start) / 1000;
  console.log(
    `${total} arguments in ${seconds.toFixed(1)} s: ${mismatches} mismatches; ` +
      `fast path undecided for ${((100 * undecided) / total).toFixed(3)}%, ` +
      `second pass (run on every argument) for ${((100 * emulated) / total).toFixed(4)}%`,
  );
  if (mismatches > 0) process.exitCode = 1;
}

main();
