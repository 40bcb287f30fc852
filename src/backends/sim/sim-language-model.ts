// Simulated language models: deterministic for a seed, free, and answering from the task's content.
import { createRng, type Rng } from '../../core/random/rng.js';
import type { LlmRubricEvaluatorProgram } from '../../lss/compile/loop-program.js';
import {
  streamFromResult,
  type GenerateOptions,
  type GenerateResult,
  type LanguageModel,
  type StreamPart,
} from '../../models/language-model.js';
import { deriveSeed } from '../../loop/derive-seed.js';
import type { PendingFeedback } from '../../loop/engine/episode-state.js';
import type { ResolvedInput } from '../../loop/engine/worker-prompt.js';
import type { LoopTask } from '../../loop/tasks/loop-task.js';
import type { WorkerOutput } from '../../loop/worker-output.js';
import type { EvaluatorVerdict } from '../../loop/evaluators/evaluator-verdict.js';
import { chooseCandidate, composeText, type SimWorkerRequest } from './compose-answer.js';
import { judgementText, judgeOutputs } from './sim-judge.js';
import { difficultyOf, simLatency, simProfileOf, simUsage, type SimModelProfile } from './sim-profile.js';

/** Options of {@link SimLanguageModel}. */
export interface SimLanguageModelOptions {
  /** Overrides the profile of the model name (skill, speed). */
  profile?: Partial<SimModelProfile> | undefined;
  /** The probability that a judge's answer is malformed (to exercise error handling). Default 0. */
  judgeErrorRate?: number | undefined;
}

/**
 * A simulated model. As a worker, its answer's quality is drawn from a seeded model of its skill, the task's
 * difficulty, the feedback it received, the optimizer's refinements and practice over iterations
 * (`q = sigmoid(5·(skill − difficulty) − 1 + 0.9·feedback + 0.5·refinements + 0.25·(iteration − 1) + noise)`), and the
 * answer is built from the task's content (a candidate patch, sentences of the sources that state the reference facts,
 * an extract of its inputs). As a judge, it scores each rubric dimension from what the output contains against the
 * task's reference material. The same options and seed give the same answer on every machine.
 *
 * @example
 * ```ts
 * const model = new SimLanguageModel('gpt-4.1-mini');
 * const { text } = await model.doGenerate({ messages, seed: 1, purpose: { kind: 'worker', id: 'writer', context } });
 * ```
 */
export class SimLanguageModel implements LanguageModel {
  readonly specificationVersion = 'loopgym-model-1' as const;
  readonly provider = 'sim';
  readonly modelName: string;
  private readonly profile: SimModelProfile;
  private readonly judgeErrorRate: number;

  constructor(modelName: string, options: SimLanguageModelOptions = {}) {
    this.modelName = modelName;
    this.profile = { ...simProfileOf(modelName), ...options.profile };
    this.judgeErrorRate = options.judgeErrorRate ?? 0;
  }

  doStream(options: GenerateOptions): AsyncIterable<StreamPart> {
    return streamFromResult(this.doGenerate(options));
  }

  doGenerate(options: GenerateOptions): Promise<GenerateResult> {
    if (options.abortSignal?.aborted === true) return Promise.reject(options.abortSignal.reason as Error);
    const seed = options.seed ?? deriveSeed(0, JSON.stringify(options.messages).length);
    const rng = createRng(seed);
    const purpose = options.purpose;
    const context = purpose?.context;
    let text: string;
    let toolCalls: GenerateResult['toolCalls'] = [];
    if (purpose?.kind === 'judge' && context !== undefined) {
      text = this.judge(context, rng);
    } else if (purpose?.kind === 'worker' && context !== undefined) {
      const wantsTool =
        (options.tools?.length ?? 0) > 0 && !options.messages.some((message) => message.role === 'tool');
      if (wantsTool) {
        const tool = options.tools![0]!;
        const query = (context.inputs as ResolvedInput[] | undefined)?.find(
          (input) => typeof input.value === 'string',
        )?.value as string | undefined;
        toolCalls = [{ id: `call-${seed}`, name: tool.name, arguments: { query: query ?? '' } }];
        text = '';
      } else {
        const toolResults = options.messages.flatMap((message) =>
          message.role === 'tool' ? [message.content] : [],
        );
        text = this.work(context, rng, toolResults);
      }
    } else {
      text = this.echo(options);
    }
    const usage = simUsage(options.messages, text);
    const jitter = 0.8 + rng.random() * 0.45;
    return Promise.resolve({
      text,
      toolCalls,
      finishReason: toolCalls.length > 0 ? 'tool-calls' : 'stop',
      usage,
      latencySeconds: simLatency(this.profile, usage.outputTokens, jitter),
      warnings: [],
      modelId: `sim:${this.modelName}`,
    });
  }

  /** The quality a worker reaches in this call, on (0, 1). */
  quality(context: Readonly<Record<string, unknown>>, rng: Rng): number {
    const task = context.task as LoopTask;
    const feedback = (context.feedback as PendingFeedback[] | undefined)?.length ?? 0;
    const refinements = Number(context.refinements ?? 0);
    const iteration = Number(context.iteration ?? 1);
    const temperature = (context.parameters as Record<string, number> | undefined)?.temperature ?? 0.3;
    const noise = rng.normal(0, 0.6 + Math.max(0, temperature - 0.5));
    const z =
      5 * (this.profile.skill - difficultyOf(task.difficulty)) -
      1 +
      0.9 * Math.min(feedback, 3) +
      0.5 * Math.min(refinements, 4) +
      0.25 * (iteration - 1) +
      noise;
    return 1 / (1 + Math.exp(-z));
  }

  private work(context: Readonly<Record<string, unknown>>, rng: Rng, toolResults: readonly string[]): string {
    const worker = context.worker as { id: string; outputName: string; format: SimWorkerRequest['format'] };
    const request: SimWorkerRequest = {
      task: context.task as LoopTask,
      workerId: worker.id,
      outputName: worker.outputName,
      format: worker.format,
      inputTexts: ((context.inputs as ResolvedInput[] | undefined) ?? []).flatMap((input) =>
        typeof input.value === 'string'
          ? [input.value]
          : input.value === undefined
            ? []
            : [input.text ?? JSON.stringify(input.value)],
      ),
      feedback: ((context.feedback as PendingFeedback[] | undefined) ?? []).map((item) => item.content),
      previousOutput: context.previousOutput as string | undefined,
      toolResults,
    };
    const quality = this.quality(context, rng);
    if (request.format === 'code') {
      const candidate = chooseCandidate(request, quality, rng);
      if (candidate !== undefined) return candidate.output;
    }
    return composeText(request, quality, rng);
  }

  private judge(context: Readonly<Record<string, unknown>>, rng: Rng): string {
    const evaluator = context.evaluator as LlmRubricEvaluatorProgram;
    if (rng.random() < this.judgeErrorRate) return 'I would rate this fairly well overall.';
    const judgement = judgeOutputs(
      evaluator,
      context.outputs as WorkerOutput[],
      context.task as LoopTask,
      rng,
      (context.earlierChecks as Record<string, EvaluatorVerdict> | undefined) ?? {},
    );
    return judgementText(judgement);
  }

  private echo(options: GenerateOptions): string {
    const last = [...options.messages].reverse().find((message) => message.role === 'user');
    const content = last?.content ?? '';
    if (options.responseFormat?.type === 'json') return JSON.stringify({ answer: content.slice(0, 200) });
    return content.split('\n').slice(0, 3).join(' ').slice(0, 400);
  }
}
