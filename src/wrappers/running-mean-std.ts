import { InvalidArgumentError } from '../core/errors.js';
import { allocate } from '../spaces/dtype.js';
import { rounder, type FloatDtype } from './numeric.js';

/** Options of {@link RunningMeanStd}. */
export interface RunningMeanStdOptions {
  /** The initial count (default 1e-4), so the first sample does not divide by zero. */
  epsilon?: number;
  /** The dtype of `mean` and `var` (default float64). */
  dtype?: FloatDtype;
}

/**
 * Running mean, variance and count of a stream of arrays, as Gymnasium's `RunningMeanStd` (the parallel algorithm
 * of Chan et al.), with NumPy's arithmetic reproduced: statistics that start in float32 are updated in float32 while
 * the samples are float32, and widen to float64 (as NumPy's promotion does) as soon as a float64 sample arrives.
 *
 * @example
 * ```ts
 * const statistics = new RunningMeanStd(2);
 * statistics.update(Float64Array.of(1, 2), 'float64');
 * statistics.mean; // Float64Array [0.9999000099990001, 1.9998000199980002]
 * ```
 */
export class RunningMeanStd {
  readonly size: number;
  /** The dtype `mean` and `var` currently have. */
  dtype: FloatDtype;
  mean: Float32Array | Float64Array;
  var: Float32Array | Float64Array;
  count: number;

  constructor(size: number, options: RunningMeanStdOptions = {}) {
    this.size = size;
    this.dtype = options.dtype ?? 'float64';
    this.mean = allocate(this.dtype, size);
    this.var = allocate(this.dtype, size).fill(1);
    this.count = options.epsilon ?? 1e-4;
  }

  /**
   * Adds one sample (NumPy's `update(np.array([sample]))`): its batch mean is the sample, its batch variance 0
   * (NaN where the sample is infinite). `dtype` is the sample's float dtype (float32 only for float32 samples).
   */
  update(sample: ArrayLike<number>, dtype: FloatDtype): void {
    if (sample.length !== this.size) {
      throw new InvalidArgumentError(
        `RunningMeanStd: the sample has ${sample.length} values; expected ${this.size}.`,
      );
    }
    const batchVar = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) batchVar[i] = (sample[i]! - sample[i]!) ** 2;
    this.updateFromMoments(sample, batchVar, 1, dtype);
  }

  /** Merges the moments of a batch of `batchCount` samples whose mean and variance have dtype `batchDtype`. */
  updateFromMoments(
    batchMean: ArrayLike<number>,
    batchVar: ArrayLike<number>,
    batchCount: number,
    batchDtype: FloatDtype,
  ): void {
    const resultDtype: FloatDtype =
      this.dtype === 'float32' && batchDtype === 'float32' ? 'float32' : 'float64';
    const r = rounder(resultDtype);
    const rVar = rounder(this.dtype);
    const rBatch = rounder(batchDtype);
    const total = this.count + batchCount;
    const mean = allocate(resultDtype, this.size);
    const variance = allocate(resultDtype, this.size);
    for (let i = 0; i < this.size; i++) {
      const delta = r(batchMean[i]! - this.mean[i]!);
      mean[i] = r(this.mean[i]! + r(r(delta * r(batchCount)) / r(total)));
      const mA = rVar(this.var[i]! * rVar(this.count));
      const mB = rBatch(batchVar[i]! * rBatch(batchCount));
      const cross = r(r(r(r(delta * delta) * r(this.count)) * r(batchCount)) / r(total));
      variance[i] = r(r(r(mA + mB) + cross) / r(total));
    }
    this.mean = mean;
    this.var = variance;
    this.count = total;
    this.dtype = resultDtype;
  }
}
