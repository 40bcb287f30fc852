// The contract every loop backend meets (sim, live, replay, perturbed), as one suite registered per backend.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSpec } from '../lss/compile/compile-spec.js';
import type { LoopSpec } from '../lss/loop-spec.js';
import { parseSpecText } from '../lss/parse/parse-spec.js';
import { createLoopServices } from './create-loop-services.js';
import { LoopRun } from './engine/loop-run.js';
import type { LoopEvent } from './events/loop-event.js';
import type { LoopBackend } from './loop-backend.js';
import { loopbenchDataDirectory } from './tasks/data-directory.js';
import { loadTaskSetSync } from './tasks/load-task-set.js';

/** What {@link loopBackendContract} needs. */
export interface LoopBackendContract {
  /** A fresh backend. */
  create: () => LoopBackend;
  /** Whether the same seed must give the same events (sim and replay: yes; live: no). */
  deterministic: boolean;
}

const SPEC_FILE = `${loopbenchDataDirectory('research-synthesis-v1')}/spec.yaml`;

async function episode(backend: LoopBackend, seed: number): Promise<LoopEvent[]> {
  const program = compileSpec(parseSpecText(readFileSync(SPEC_FILE, 'utf8')).value as LoopSpec);
  const task = loadTaskSetSync(loopbenchDataDirectory('research-synthesis-v1')).tasks[0]!;
  const events: LoopEvent[] = [];
  const run = LoopRun.start({
    program,
    task,
    seed,
    backend,
    services: createLoopServices(),
    onEvent: (event) => events.push(event),
  });
  while (!run.done) await run.iterate();
  return events;
}

/**
 * Registers the tests every loop backend passes: its models answer workers and judges through the model interface
 * (text, non-negative whole token counts, a latency, a `provider:model` id); they honour an aborted signal; an episode
 * of a bundled loop runs to its end with consistent accounting; and a deterministic backend gives the same events for
 * the same seed.
 *
 * @example
 * ```ts
 * loopBackendContract('sim', { create: () => createSimBackend(), deterministic: true });
 * ```
 */
export function loopBackendContract(name: string, contract: LoopBackendContract): void {
  describe(`loop backend contract: ${name}`, () => {
    const binding = {
      provider: 'openai',
      name: 'gpt-4.1-mini',
      id: 'openai:gpt-4.1-mini',
      temperature: 0,
      maxTokens: 200,
      topP: undefined,
    };

    it('answers a call with text, usage, latency and its model id', async () => {
      const model = contract.create().model(binding, { kind: 'worker', id: 'writer' });
      expect(model.specificationVersion).toBe('loopgym-model-1');
      const result = await model.doGenerate({ messages: [{ role: 'user', content: 'Say hello.' }], seed: 1 });
      expect(typeof result.text).toBe('string');
      for (const count of [result.usage.inputTokens, result.usage.outputTokens]) {
        expect(Number.isInteger(count) && count >= 0).toBe(true);
      }
      expect(result.latencySeconds).toBeGreaterThanOrEqual(0);
      expect(result.modelId).toMatch(/^[\w.-]+:[\w.:/-]+$/);
      expect(['stop', 'length', 'tool-calls', 'content-filter', 'error', 'other']).toContain(
        result.finishReason,
      );
    });

    it('refuses a call whose signal is already aborted', async () => {
      const model = contract.create().model(binding, { kind: 'worker', id: 'writer' });
      const controller = new AbortController();
      controller.abort(new Error('stop'));
      await expect(
        model.doGenerate({ messages: [{ role: 'user', content: 'x' }], abortSignal: controller.signal }),
      ).rejects.toThrow();
    });

    it('runs an episode of a bundled loop to its end, with consistent accounting', async () => {
      const events = await episode(contract.create(), 0);
      expect(events[0]?.type).toBe('episode-start');
      const end = events.at(-1);
      expect(end?.type).toBe('episode-end');
      const charged = events.reduce(
        (sum, event) => sum + (event.type === 'model-response' ? event.costUsd : 0),
        0,
      );
      if (end?.type === 'episode-end') expect(end.costUsd).toBeCloseTo(charged, 10);
      expect(events.map((event) => event.seq)).toEqual(events.map((_, index) => index));
      expect(
        events.some((event) => event.type === 'evaluator-score' && event.evaluatorType === 'llm_rubric'),
      ).toBe(true);
    });

    if (contract.deterministic) {
      it('gives the same events for the same seed', async () => {
        const first = await episode(contract.create(), 5);
        const second = await episode(contract.create(), 5);
        expect(JSON.stringify(second)).toBe(JSON.stringify(first));
      });
    }
  });
}
