// The registration of replay/loopnet-v1, for the default registry.
import { z } from 'zod';
import type { Env } from '../../core/env.js';
import type { RecordLineProblem } from '../../loopnet/loopnet-errors.js';
import { LOOPNET_OUTCOMES, LOOPNET_SPLITS, PATTERN_SLUGS } from '../../loopnet/loopnet-record.js';
import type { RegisterOptions } from '../../registry/registry.js';
import { ReplayEnv, type ReplayEnvOptions } from './replay-env.js';

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([item, z.array(item).min(1)]);

const replayOptions = z.object({
  records: z
    .string()
    .optional()
    .describe('A LoopNet JSONL corpus (default: the LoopNet v0.2 corpus shipped with LoopGym, CC BY 4.0).'),
  splits: z
    .string()
    .optional()
    .describe('A splits.json for `split` (default: the shipped one with the default corpus).'),
  recordId: oneOrMany(z.string().min(1)).optional().describe('Only these record ids.'),
  loopName: oneOrMany(z.string().min(1)).optional().describe('Only records of these loop names.'),
  pattern: oneOrMany(z.enum(PATTERN_SLUGS))
    .optional()
    .describe('Only records listing one of these patterns.'),
  split: oneOrMany(z.enum(LOOPNET_SPLITS)).optional().describe('Only records of these splits.'),
  outcome: oneOrMany(z.enum(LOOPNET_OUTCOMES)).optional().describe('Only records with these outcomes.'),
  strict: z.boolean().default(false).describe('Fail on the first bad line instead of skipping it.'),
  onProblem: z
    .custom<(problem: RecordLineProblem) => void>((value) => typeof value === 'function')
    .optional()
    .describe('Receives each skipped bad line (default: a warning).'),
  cacheSize: z.number().int().positive().optional().describe('Replays kept in memory (default 4096).'),
});

/**
 * The replay environments: `replay/loopnet-v1`, which replays LoopNet records
 * (`make('replay/loopnet-v1', { records: 'file.jsonl', split: 'test' })`). Add them to a registry with
 * `registry.register(registration)` for each.
 *
 * @example
 * ```ts
 * for (const registration of replayEnvRegistrations) registry.register(registration);
 * const env = make('replay/loopnet-v1', { outcome: 'failure' });
 * ```
 */
export const replayEnvRegistrations: readonly RegisterOptions[] = Object.freeze([
  {
    id: 'replay/loopnet-v1',
    description:
      'Replays recorded LoopNet trajectories at zero cost, one recorded iteration per step (the action is ignored).',
    optionsSchema: replayOptions,
    entryPoint: (options) =>
      new ReplayEnv(options as ReplayEnvOptions) as unknown as Env<unknown, unknown, unknown>,
  },
]);
