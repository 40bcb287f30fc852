// `corrupted_tool_result` (P2): tool results come back with wrong numbers and cut short.
import { z } from 'zod';
import { createRng } from '../../core/random/rng.js';
import { deriveSeed } from '../derive-seed.js';
import type { PerturbationDefinition } from './perturbation.js';
import { transformToolResults } from './filter-tool-results.js';

const parameters = z.strictObject({
  /** The chance that a passage (a block of a result separated by blank lines) is corrupted. */
  probability: z.number().min(0).max(1).default(1),
});

/**
 * A corrupted passage: its first line (a retriever's `[S1] Title` header) kept, every number after it changed
 * (years moved back by one to three, other numbers scaled), and the text cut after its third sentence with `…`.
 *
 * @example
 * ```ts
 * corruptPassage('[S1] Report\nPilots in 2027 at 40 sites.', 7); // e.g. '[S1] Report\nPilots in 2025 at 61 sites.'
 * ```
 */
export function corruptPassage(passage: string, seed: number): string {
  const shift = 1 + createRng(seed).integers(3);
  const newline = passage.indexOf('\n');
  const header = /^\[[^\]\n]+\] /.test(passage) && newline >= 0 ? passage.slice(0, newline + 1) : '';
  const body = passage.slice(header.length).replace(/\d+(?:\.\d+)?/g, (number) => {
    const value = Number(number);
    if (Number.isInteger(value) && value >= 1900 && value <= 2100) return String(value - shift);
    const changed = value * 1.5;
    return number.includes('.') ? changed.toFixed(1) : String(Math.round(changed) + 1);
  });
  const sentences = body.split(/(?<=[.!?])\s+/);
  return header + (sentences.length > 3 ? `${sentences.slice(0, 3).join(' ')} …` : body);
}

/**
 * `corrupted_tool_result` (P2): every tool result's passages are corrupted with `probability` (drawn per passage
 * with the episode's seed and the passage): wrong numbers, cut short ({@link corruptPassage}). A simulated worker
 * that read a tool result writes the numbers it retrieved, so its answer states wrong values.
 *
 * @example
 * ```ts
 * make('loopbench/rag-retrieval-v1', { perturbations: ['corrupted_tool_result'] });
 * ```
 */
export const corruptedToolResult: PerturbationDefinition<z.infer<typeof parameters>> = {
  name: 'corrupted_tool_result',
  description: 'Tool results come back corrupted: wrong numbers, passages cut short.',
  parameters,
  apply(episode, { probability }, seed) {
    if (episode.services.tools.names().length === 0) return { tools: 0 };
    episode.services = {
      ...episode.services,
      tools: transformToolResults(episode.services.tools, (text) =>
        text
          .split(/\n\s*\n/)
          .map((passage) => {
            const passageSeed = deriveSeed(seed, passage);
            return createRng(passageSeed).random() < probability
              ? corruptPassage(passage, passageSeed)
              : passage;
          })
          .join('\n\n'),
      ),
    };
    return { tools: episode.services.tools.names().length, probability };
  },
};
