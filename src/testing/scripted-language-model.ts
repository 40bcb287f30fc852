// A language model that answers from a script: for tests of anything that calls models.
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type ModelToolCall,
  type ModelUsage,
  type StreamPart,
} from '../models/language-model.js';

/** One scripted answer: text (and optionally tool calls, usage, latency), or an error to throw. */
export type ScriptedAnswer =
  | string
  | {
      text?: string;
      toolCalls?: readonly ModelToolCall[];
      usage?: Partial<ModelUsage>;
      latencySeconds?: number;
      finishReason?: GenerateResult['finishReason'];
    }
  | Error;

/** What the script sees: the call, and how many calls this model (and this caller) had before. */
export interface ScriptedCall {
  options: GenerateOptions;
  /** 0 for the first call to the model. */
  index: number;
  /** 0 for the first call by this caller (`purpose.id`). */
  callerIndex: number;
  callerId: string | undefined;
}

/**
 * A model whose answers come from a function (or a list, used in order; the last repeats). Usage defaults to the
 * prompt's and answer's length in characters / 4; latency to 0. Records every call in `calls`.
 *
 * @example
 * ```ts
 * const model = new ScriptedLanguageModel(({ callerId }) => (callerId === 'judge' ? '{"scores": {"quality": 1}}' : 'draft'));
 * ```
 */
export class ScriptedLanguageModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider: string;
  readonly modelName: string;
  readonly calls: GenerateOptions[] = [];
  private readonly script: (call: ScriptedCall) => ScriptedAnswer;
  private readonly perCaller = new Map<string, number>();

  constructor(
    script: ((call: ScriptedCall) => ScriptedAnswer) | readonly ScriptedAnswer[],
    options: { provider?: string; modelName?: string } = {},
  ) {
    this.provider = options.provider ?? 'scripted';
    this.modelName = options.modelName ?? 'model';
    this.script = Array.isArray(script)
      ? ({ index }) => (script as readonly ScriptedAnswer[])[Math.min(index, script.length - 1)] ?? ''
      : (script as (call: ScriptedCall) => ScriptedAnswer);
  }

  doStream(options: GenerateOptions): AsyncIterable<StreamPart> {
    return streamFromResult(this.doGenerate(options));
  }

  doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    const callerId = options.purpose?.id;
    const callerIndex = this.perCaller.get(callerId ?? '') ?? 0;
    this.perCaller.set(callerId ?? '', callerIndex + 1);
    const index = this.calls.length;
    this.calls.push(options);
    if (options.abortSignal?.aborted === true) return Promise.reject(options.abortSignal.reason as Error);
    const answer = this.script({ options, index, callerIndex, callerId });
    if (answer instanceof Error) return Promise.reject(answer);
    const body = typeof answer === 'string' ? { text: answer } : answer;
    const text = body.text ?? '';
    const promptCharacters = options.messages.reduce((sum, message) => sum + message.content.length, 0);
    return Promise.resolve({
      text,
      toolCalls: body.toolCalls ?? [],
      finishReason: body.finishReason ?? ((body.toolCalls?.length ?? 0) > 0 ? 'tool-calls' : 'stop'),
      usage: {
        inputTokens: body.usage?.inputTokens ?? Math.ceil(promptCharacters / 4),
        outputTokens: body.usage?.outputTokens ?? Math.ceil(text.length / 4),
      },
      latencySeconds: body.latencySeconds ?? 0,
      warnings: [],
      modelId: `${this.provider}:${this.modelName}`,
    });
  }
}
