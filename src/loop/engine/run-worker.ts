// One worker in one iteration: prompt, model call with tools, retries, timeout, budget, format, safety, memory.
import type { WorkerProgram } from '../../lss/compile/loop-program.js';
import type { GenerateResult, ModelMessage } from '../../models/language-model.js';
import { deriveSeed } from '../derive-seed.js';
import type { LoopBackend } from '../loop-backend.js';
import { parseWorkerOutput, type ParsedWorkerOutput } from '../parse-worker-output.js';
import type { ToolRegistry } from '../tool-registry.js';
import type { WorkerOutput } from '../worker-output.js';
import type { EpisodeState, IterationRecord } from './episode-state.js';
import { UNCHECKED_PASS, type SafetyGuard } from './safety-guard.js';
import { writeMemory } from './write-worker-memory.js';
import type { SafetyScope } from '../../lss/loop-spec.js';
import { buildWorkerPrompt } from './worker-prompt.js';

/** Everything a worker run needs. */
export interface WorkerRunContext {
  state: EpisodeState;
  backend: LoopBackend;
  tools: ToolRegistry;
  guard: SafetyGuard;
  record: IterationRecord;
  /** Outputs of this iteration so far (workers of earlier levels). */
  current: ReadonlyMap<string, WorkerOutput>;
  /**
   * The worker runs alone (the only one of its level). Only then are checks skipped, with their awaits, when no
   * safety constraint applies: the awaits of workers that run side by side decide how their charges and memory
   * writes interleave, and that order must not change.
   */
  solo?: boolean | undefined;
}

/**
 * Whether a worker's check can be skipped: it runs alone and no constraint of the scope applies to it (the check
 * would pass the subject as it is).
 */
export function unchecked(context: WorkerRunContext, scope: SafetyScope, workerId: string): boolean {
  return context.solo === true && !context.guard.applies(scope, workerId);
}

/** How a worker run ended. */
export interface WorkerRunResult {
  output: WorkerOutput | undefined;
  /** Seconds the worker took on the episode clock. */
  latencySeconds: number;
  failure:
    | { code: 'timeout' | 'format' | 'budget' | 'model-error' | 'safety' | 'tool-error'; message: string }
    | undefined;
}

/** At most this many rounds of tool calls per model call. */
const MAX_TOOL_ROUNDS = 8;

/**
 * Runs a worker: its output from the agent's action when one is given (`override`), else from its model, with up to
 * `retries` more attempts after a timeout, a model error or an output of the wrong format (the format error is
 * fed back to the model). Tool calls go through the safety guard and the tool registry, and only tools the worker's
 * spec lists may run. The worker's `cost_budget_usd` stops further calls once spent. The output then passes the
 * `post_worker` constraints and, for a worker allowed to write memory, is written to memory.
 *
 * @example
 * ```ts
 * const { output, failure } = await runWorker(worker, context, undefined);
 * ```
 */
export async function runWorker(
  worker: WorkerProgram,
  context: WorkerRunContext,
  override: string | undefined,
): Promise<WorkerRunResult> {
  const { state } = context;
  if (override !== undefined) return finish(worker, context, { raw: override }, 'action', 0);
  if (!state.ledger.withinBudget(worker.id, worker.costBudgetUsd)) {
    return fail(
      worker,
      context,
      1,
      'budget',
      `The worker's budget of $${worker.costBudgetUsd} is spent.`,
      false,
      0,
    );
  }
  const toolNames = context.tools.definitionsFor(worker.tools).map((tool) => tool.name);
  const prompt = buildWorkerPrompt(worker, state, context.current, toolNames);
  const promptCheck = unchecked(context, 'pre_worker', worker.id)
    ? UNCHECKED_PASS
    : await context.guard.inspect(
        'pre_worker',
        {
          workerId: worker.id,
          text: prompt.messages.map((m) => m.content).join('\n\n'),
          allowedTools: worker.tools,
        },
        context.record,
      );
  if (promptCheck.verdict === 'block') {
    return fail(
      worker,
      context,
      1,
      'safety',
      `The prompt was blocked by \`${promptCheck.constraintId}\`.`,
      false,
      0,
    );
  }
  const model = context.backend.model(worker.model, { kind: 'worker', id: worker.id });
  const parameters = state.parameters.get(worker.id) ?? {};
  let messages: ModelMessage[] = prompt.messages;
  let latency = 0;
  const attempts = worker.retries + 1;
  // A model that answers within the call cannot outlast a wall-clock timer unless tool calls run in between.
  const untimed = context.backend.answersAtOnce === true && worker.tools.length === 0;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    const willRetry = attempt < attempts;
    state.emit({
      type: 'worker-call',
      iteration: state.iteration,
      workerId: worker.id,
      attempt,
      modelId: worker.model.id,
      messages,
    });
    const timer = untimed ? undefined : armTimeout(worker, state.signal);
    const attemptSignal = timer === undefined ? NEVER_ABORTED : timer.signal;
    let attemptLatency = 0;
    let answer: GenerateResult;
    try {
      const call = async (conversation: readonly ModelMessage[], round: number): Promise<GenerateResult> => {
        const maxTokens = worker.model.maxTokens;
        const result = await model.doGenerate({
          messages: conversation,
          temperature: parameters.temperature ?? worker.model.temperature,
          topP: parameters.top_p ?? worker.model.topP,
          maxTokens:
            state.throttled && maxTokens !== undefined ? Math.max(1, Math.floor(maxTokens / 2)) : maxTokens,
          seed: deriveSeed(state.seed, state.task.id, state.iteration, worker.id, attempt, round),
          tools: context.tools.definitionsFor(worker.tools),
          responseFormat: worker.output.format === 'json' ? { type: 'json' } : undefined,
          abortSignal: attemptSignal,
          purpose: {
            kind: 'worker',
            id: worker.id,
            context: {
              task: state.task,
              worker: {
                id: worker.id,
                role: worker.role,
                outputName: worker.output.name,
                format: worker.output.format,
              },
              instructions: prompt.instructions,
              inputs: prompt.inputs,
              feedback: prompt.feedback,
              iteration: state.iteration,
              attempt,
              refinements: state.optimizerSteps,
              previousOutput: state.latestOutputs.get(worker.id)?.raw,
              parameters,
            },
          },
        });
        const costUsd = state.ledger.charge(worker.id, result.modelId, result.usage);
        attemptLatency += result.latencySeconds;
        state.emit({
          type: 'model-response',
          iteration: state.iteration,
          callerId: worker.id,
          callerKind: 'worker',
          modelId: result.modelId,
          text: result.text,
          usage: result.usage,
          costUsd,
          latencySeconds: result.latencySeconds,
          finishReason: result.finishReason,
        });
        return result;
      };
      answer = await call(messages, 0);
      let conversation: ModelMessage[] = [...messages];
      for (let round = 1; answer.toolCalls.length > 0; round++) {
        if (round > MAX_TOOL_ROUNDS)
          throw new ToolLoopError(`more than ${MAX_TOOL_ROUNDS} rounds of tool calls`);
        conversation = [
          ...conversation,
          { role: 'assistant', content: answer.text, toolCalls: answer.toolCalls },
        ];
        for (const toolCall of answer.toolCalls) {
          const result = await runToolCall(worker, context, toolCall);
          if (result.halted)
            return fail(worker, context, attempt, 'safety', result.text, false, latency + attemptLatency);
          conversation.push({
            role: 'tool',
            toolCallId: toolCall.id,
            name: toolCall.name,
            content: result.text,
          });
        }
        answer = await call(conversation, round);
      }
    } catch (error) {
      latency += attemptLatency;
      const timedOut = attemptSignal.aborted && !state.signal.aborted;
      if (state.signal.aborted) throw error;
      const code = timedOut ? 'timeout' : error instanceof ToolLoopError ? 'tool-error' : 'model-error';
      const message = timedOut
        ? `No answer within ${worker.timeoutSeconds} s.`
        : `The model call failed: ${error instanceof Error ? error.message : String(error)}`;
      const failed = fail(worker, context, attempt, code, message, willRetry, latency);
      if (!willRetry) return failed;
      continue;
    } finally {
      timer?.disarm();
    }
    latency += attemptLatency;
    if (attemptLatency > worker.timeoutSeconds) {
      const failed = fail(
        worker,
        context,
        attempt,
        'timeout',
        `No answer within ${worker.timeoutSeconds} s.`,
        willRetry,
        latency,
      );
      if (!willRetry) return failed;
      continue;
    }
    const parsed = parseWorkerOutput(answer.text, {
      workerId: worker.id,
      name: worker.output.name,
      format: worker.output.format,
    });
    if (!parsed.ok) {
      const failed = fail(worker, context, attempt, 'format', parsed.error, willRetry, latency);
      if (!willRetry) return failed;
      messages = [
        ...prompt.messages,
        { role: 'assistant', content: answer.text },
        { role: 'user', content: `Your output could not be used: ${parsed.error} Answer again.` },
      ];
      continue;
    }
    return finish(worker, context, { raw: answer.text, parsed: parsed.output }, 'model', latency);
  }
  return fail(worker, context, attempts, 'model-error', 'No attempt succeeded.', false, latency);
}

class ToolLoopError extends Error {}

/** The signal of an attempt that no timer or cancellation can reach (see `LoopBackend.answersAtOnce`). */
const NEVER_ABORTED = new AbortController().signal;

/**
 * The wall-clock timeout of one attempt: its signal is aborted after the worker's `timeout_seconds`, or when the
 * episode is cancelled during the attempt.
 */
function armTimeout(
  worker: WorkerProgram,
  episodeSignal: AbortSignal,
): { signal: AbortSignal; disarm: () => void } {
  const timer = new AbortController();
  const onAbort = (): void => timer.abort(episodeSignal.reason);
  episodeSignal.addEventListener('abort', onAbort, { once: true });
  const clock = setTimeout(() => timer.abort(new Error('timeout')), worker.timeoutSeconds * 1000);
  return {
    signal: timer.signal,
    disarm: () => {
      clearTimeout(clock);
      episodeSignal.removeEventListener('abort', onAbort);
    },
  };
}

async function runToolCall(
  worker: WorkerProgram,
  context: WorkerRunContext,
  toolCall: { id: string; name: string; arguments: Readonly<Record<string, unknown>> },
): Promise<{ text: string; halted: boolean }> {
  const { state } = context;
  const emit = (result: string, outcome: 'ok' | 'blocked' | 'error' | 'unknown-tool'): void => {
    state.emit({
      type: 'tool-call',
      iteration: state.iteration,
      workerId: worker.id,
      name: toolCall.name,
      arguments: toolCall.arguments,
      result,
      outcome,
    });
  };
  const check = unchecked(context, 'pre_worker', worker.id)
    ? UNCHECKED_PASS
    : await context.guard.inspect(
        'pre_worker',
        { workerId: worker.id, toolCall, allowedTools: worker.tools },
        context.record,
      );
  if (check.verdict === 'block') {
    const text = `The call to \`${toolCall.name}\` was blocked by the safety constraint \`${check.constraintId}\`.`;
    emit(text, 'blocked');
    return { text, halted: check.halt };
  }
  if (!worker.tools.includes(toolCall.name)) {
    const text = `\`${toolCall.name}\` is not one of this worker's tools (${worker.tools.join(', ') || 'none'}).`;
    emit(text, 'blocked');
    return { text, halted: false };
  }
  (state.callLog.tool[toolCall.name] ??= []).push(state.time);
  if (!context.tools.has(toolCall.name)) {
    const text = `No tool named \`${toolCall.name}\` is available in this run.`;
    emit(text, 'unknown-tool');
    return { text, halted: false };
  }
  try {
    const text = await context.tools.call(toolCall.name, toolCall.arguments, {
      workerId: worker.id,
      iteration: state.iteration,
      signal: state.signal,
    });
    emit(text, 'ok');
    return { text, halted: false };
  } catch (error) {
    const text = `The tool failed: ${error instanceof Error ? error.message : String(error)}`;
    emit(text, 'error');
    return { text, halted: false };
  }
}

function fail(
  worker: WorkerProgram,
  context: WorkerRunContext,
  attempt: number,
  code: NonNullable<WorkerRunResult['failure']>['code'],
  message: string,
  willRetry: boolean,
  latencySeconds: number,
): WorkerRunResult {
  const { state } = context;
  if (code !== 'safety') {
    state.emit({
      type: 'worker-error',
      iteration: state.iteration,
      workerId: worker.id,
      attempt,
      code,
      message,
      willRetry,
    });
  }
  if (!willRetry) context.record.workerFailures.push({ workerId: worker.id, code });
  return { output: undefined, latencySeconds, failure: { code, message } };
}

async function finish(
  worker: WorkerProgram,
  context: WorkerRunContext,
  answer: { raw: string; parsed?: WorkerOutput | undefined },
  source: 'model' | 'action',
  latencySeconds: number,
): Promise<WorkerRunResult> {
  const { state, record } = context;
  const { raw } = answer;
  (state.callLog.worker[worker.id] ??= []).push(state.time);
  const check = unchecked(context, 'post_worker', worker.id)
    ? UNCHECKED_PASS
    : await context.guard.inspect(
        'post_worker',
        { workerId: worker.id, text: raw, allowedTools: worker.tools },
        record,
      );
  if (check.verdict === 'block') {
    return fail(
      worker,
      context,
      1,
      'safety',
      `The output was blocked by \`${check.constraintId}\`.`,
      false,
      latencySeconds,
    );
  }
  const text = check.text ?? raw;
  // The answer was parsed already unless a safety constraint changed it.
  const parsed: ParsedWorkerOutput =
    answer.parsed !== undefined && text === raw
      ? { ok: true, output: answer.parsed }
      : parseWorkerOutput(text, {
          workerId: worker.id,
          name: worker.output.name,
          format: worker.output.format,
        });
  if (!parsed.ok) return fail(worker, context, 1, 'format', parsed.error, false, latencySeconds);
  state.emit({
    type: 'worker-output',
    iteration: state.iteration,
    workerId: worker.id,
    format: worker.output.format,
    raw: text,
    source,
  });
  if (worker.memoryWrite) await writeMemory(worker, context, parsed.output);
  return { output: parsed.output, latencySeconds, failure: undefined };
}
