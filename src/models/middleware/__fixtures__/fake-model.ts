// A LanguageModel for tests of the facade: answers (or fails) from a function, counts calls and concurrency.
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type StreamPart,
} from '../../language-model.js';

/** What one call of the fake does: an answer's text, an error to throw, or a function of the call. */
export type FakeBehaviour = (call: { index: number; options: GenerateOptions }) => Promise<string> | string;

/**
 * A fake model: `behaviour` decides each answer (throw to fail). Tracks calls, calls in flight and their peak.
 */
export class FakeModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider: string;
  readonly modelName: string;
  readonly calls: GenerateOptions[] = [];
  inFlight = 0;
  peakInFlight = 0;
  private readonly behaviour: FakeBehaviour;

  constructor(behaviour: FakeBehaviour, provider = 'fake', modelName = 'model') {
    this.behaviour = behaviour;
    this.provider = provider;
    this.modelName = modelName;
  }

  async doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const index = this.calls.length;
    this.calls.push(options);
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      const text = await this.behaviour({ index, options });
      return {
        text,
        toolCalls: [],
        finishReason: 'stop',
        usage: { inputTokens: 10, outputTokens: text.length },
        latencySeconds: 0.5,
        warnings: [],
        modelId: `${this.provider}:${this.modelName}-2025`,
      };
    } finally {
      this.inFlight--;
    }
  }

  doStream(options: GenerateOptions): AsyncIterable<StreamPart> {
    return streamFromResult(this.doGenerate(options), 4);
  }
}

/** A promise that settles when `signal` aborts (with its reason), never otherwise: a call that hangs. */
export function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    signal?.addEventListener('abort', () => reject(signal.reason as Error), { once: true });
  });
}
