// `loopgym eval -c run.yaml`: the trained agent of a run config.
import type { MemoryBackend } from '../../loop/loop-memory.js';
import { InvalidArgumentError } from '../../core/errors.js';
import { prepareRunConfigEvaluation, type RunConfigEvaluation } from '../../train/evaluate-run-config.js';
import { parseCount } from '../parse-options.js';
import type { EvalFlags, EvalRecipe } from './eval-flags.js';

/**
 * `-c run.yaml`: the trained agent of a run config (see `prepareRunConfigEvaluation`), with the recipe printed.
 * Flags that the config decides (a target, `--agent`, `--model`, …) are refused.
 *
 * @example
 * ```ts
 * const { recipe, evaluation } = await configEvaluation(undefined, flags, memoryBackend);
 * ```
 */
export async function configEvaluation(
  target: string | undefined,
  flags: EvalFlags,
  memoryBackend: MemoryBackend,
): Promise<{ recipe: EvalRecipe; evaluation: RunConfigEvaluation }> {
  const conflicting = [
    target === undefined ? undefined : `the target ${target}`,
    flags.resume === undefined ? undefined : '--resume',
    flags.agent === undefined ? undefined : '--agent',
    flags.model === undefined ? undefined : '--model',
    flags.loopModel === undefined ? undefined : '--loop-model',
    flags.option.length === 0 ? undefined : '--option',
    flags.backend === undefined ? undefined : '--backend',
    flags.task === undefined ? undefined : '--task',
    flags.seeds === undefined ? undefined : '--seeds',
  ].filter((name) => name !== undefined);
  if (conflicting.length > 0) {
    throw new InvalidArgumentError(
      `-c takes the environment and agent from the config: leave out ${conflicting.join(', ')} (edit the config instead).`,
    );
  }
  const concurrency = flags.concurrency === '1' ? undefined : parseCount('--concurrency', flags.concurrency);
  const evaluation = await prepareRunConfigEvaluation(flags.config ?? '', {
    checkpoint: flags.checkpoint,
    episodes: flags.episodes === undefined ? undefined : parseCount('--episodes', flags.episodes),
    seed: flags.seed === undefined ? undefined : parseCount('--seed', flags.seed),
    concurrency,
    memoryBackend,
  });
  const { config } = evaluation;
  return {
    evaluation,
    recipe: {
      target: config.envLabel,
      agent: config.data.agent.algorithm,
      model: config.data.model?.id ?? null,
      systemPrompt: null,
      parser: null,
      options: config.data.environment.options,
      backend: config.data.environment.backend ?? null,
      task: config.data.environment.task ?? null,
    },
  };
}
