// The facade's streaming path: cache replay, retries before the first part, limits, idle timeout, accounting.
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type ModelToolCall,
  type StreamPart,
} from '../language-model.js';
import { CallCore } from './call-core.js';
import type { LimitPermit } from './provider-limiter.js';
import { isRetryableError, retryDelayMs } from './retry-policy.js';
import { attemptSignal } from './timeout.js';

/** Collects the parts of a stream into the answer they make. */
class StreamCollector {
  private text = '';
  private readonly toolCalls: ModelToolCall[] = [];
  result: GenerateResult | undefined;

  add(part: StreamPart): void {
    if (part.type === 'text-delta') this.text += part.text;
    else if (part.type === 'tool-call') this.toolCalls.push(part.toolCall);
    else {
      this.result = {
        text: this.text,
        toolCalls: this.toolCalls,
        finishReason: part.finishReason,
        usage: part.usage,
        latencySeconds: part.latencySeconds,
        warnings: part.warnings,
        modelId: part.modelId,
      };
    }
  }
}

/**
 * Streams a call through the facade. A cache hit replays the stored answer. An attempt that fails before its first
 * part is retried like a whole call; once parts have been passed on, an error ends the stream (the caller has seen
 * them). The timeout counts while waiting for the model, not while the consumer handles a part. A stream the
 * consumer leaves early releases its slot and is not accounted.
 *
 * @example
 * ```ts
 * for await (const part of streamCall(core, options)) if (part.type === 'text-delta') process.stdout.write(part.text);
 * ```
 */
export async function* streamCall(core: CallCore, options: GenerateOptions): AsyncGenerator<StreamPart> {
  const startedAt = core.clock.now();
  const key = core.cacheKeyOf(options);
  if (key !== undefined) {
    const hit = await core.cachedResult(key);
    if (hit !== undefined) {
      core.recordSuccess(hit, startedAt, 0, true);
      yield* streamFromResult(Promise.resolve(hit));
      return;
    }
  }
  const signal = options.abortSignal;
  for (let attempts = 1; ; attempts++) {
    const collector = new StreamCollector();
    let emitted = false;
    try {
      const permit = await core.limiter.acquire(core.estimateTokens(options), signal);
      for await (const part of attemptStream(core, options, permit)) {
        emitted = true;
        collector.add(part);
        if (part.type !== 'finish') {
          yield part;
          continue;
        }
        // Accounted and cached before the finish part is passed on: a consumer may stop reading there.
        const result = collector.result!;
        const stored = key === undefined ? result : await core.store(key, result);
        core.recordSuccess(stored, startedAt, attempts, false);
        yield stored === result ? part : { ...part, warnings: stored.warnings };
        return;
      }
      throw new Error(`The stream of ${core.modelId} ended without a finish part.`);
    } catch (error) {
      const retry =
        !emitted &&
        attempts < core.retries.maxAttempts &&
        signal?.aborted !== true &&
        isRetryableError(error);
      if (!retry) {
        if (error instanceof Error && Object.isExtensible(error)) {
          Object.defineProperty(error, 'attempts', {
            value: attempts,
            configurable: true,
            enumerable: false,
          });
        }
        core.recordFailure(error, startedAt);
        throw error;
      }
      await core.clock.sleep(retryDelayMs(attempts, error, core.retries), signal);
    }
  }
}

/** One attempt: the model's stream under the attempt's signal and timeout; releases the permit when it ends. */
async function* attemptStream(
  core: CallCore,
  options: GenerateOptions,
  permit: LimitPermit,
): AsyncGenerator<StreamPart> {
  const attempt = attemptSignal(core.modelId, core.timeoutMs, options.abortSignal, core.clock);
  let iterator: AsyncIterator<StreamPart> | undefined;
  let tokens: number | undefined;
  let rateLimited = false;
  try {
    iterator = core.model.doStream({ ...options, abortSignal: attempt.signal })[Symbol.asyncIterator]();
    for (;;) {
      attempt.restart();
      const next = iterator.next();
      next.catch(() => undefined);
      const step = await Promise.race([next, attempt.stopped]);
      if (step.done === true) return;
      attempt.pause();
      if (step.value.type === 'finish') tokens = step.value.usage.inputTokens + step.value.usage.outputTokens;
      yield step.value;
    }
  } catch (error) {
    rateLimited = CallCore.isPushback(error);
    if (attempt.signal.aborted) throw attempt.signal.reason;
    throw error;
  } finally {
    attempt.dispose();
    // A stream left early (or that failed) is told to stop; its cleanup is not awaited, as it may hang.
    void iterator?.return?.()?.catch(() => undefined);
    permit.release(rateLimited ? { rateLimited } : tokens === undefined ? {} : { tokens });
  }
}
