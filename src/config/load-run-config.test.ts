import { createRunEnvironment } from './create-run-environment.js';
import '../backends/default-loop-environments.js';
import { describe, expect, it } from 'vitest';
import '../backends/default-loop-environments.js';
import { DEFAULT_CONFIG_AGENTS, defaultRunConfigText } from './default-run-config.js';
import { parseRunConfig } from './load-run-config.js';
import { RunConfigError } from './run-config-error.js';

function problemsOf(text: string): RunConfigError['problems'] {
  try {
    parseRunConfig(text, { file: 'run.yaml' });
  } catch (error) {
    if (error instanceof RunConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected the config to be refused');
}

const VALID = `version: 1
agent:
  algorithm: q-learning
  hyperparameters:
    learningRate: 0.5
environment:
  id: FrozenLake-v1
  options: {isSlippery: false}
training:
  episodes: 10
`;

describe('parseRunConfig', () => {
  it('fills in defaults and resolves paths against the file', () => {
    const config = parseRunConfig(VALID, { file: '/experiments/lake.yaml' });
    expect(config.name).toBe('lake');
    expect(config.outputDirectory).toBe('/experiments/runs/lake');
    expect(config.checkpointDirectory).toBe('/experiments/runs/lake/checkpoints');
    expect(config.data.evaluation).toEqual({
      episodes: 10,
      seed: 1_000_000,
      finalEpisodes: 100,
      concurrency: 1,
    });
    expect(config.data.training.seed).toBe(0);
    expect(config.storePath).toBeUndefined();
    expect(config.csvPath).toBeUndefined();
    expect(config.where(['training', 'episodes'])).toBe('/experiments/lake.yaml:10:13');
  });

  it('points at the line and column of a misspelt key, with the key it meant', () => {
    const problems = problemsOf(VALID.replace('  episodes: 10', '  episods: 10'));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ line: 9, column: 1, message: '`training.episodes` is missing.' });
    expect(problems[1]).toMatchObject({
      file: 'run.yaml',
      line: 10,
      column: 3,
      message: 'Unknown key `episods`.',
    });
    expect(problems[1]!.fix).toMatch(/Did you mean `episodes`/);
  });

  it('reports wrong types, values and hyperparameters where they are written', () => {
    const problems = problemsOf(
      VALID.replace('algorithm: q-learning', 'algorithm: q-learnin').replace(
        'episodes: 10',
        'episodes: "ten"',
      ),
    );
    expect(problems.map((p) => [p.line, p.column])).toEqual([
      [3, 14],
      [10, 13],
    ]);
    expect(problems[0]!.fix).toBe('Did you mean `q-learning`?');
    expect(problems[1]!.message).toMatch(/Expected a number, got the text "ten"/);
    const hyper = problemsOf(VALID.replace('learningRate: 0.5', 'learningRate: -1\n    gama: 0.9'));
    expect(hyper.map((p) => [p.path.join('.'), p.line])).toEqual([
      ['agent.hyperparameters.learningRate', 5],
      ['agent.hyperparameters.gama', 6],
    ]);
    expect(hyper[1]!.fix).toMatch(/Did you mean `gamma`/);
  });

  it('refuses an unknown environment with a suggestion, and fields that do not go together', () => {
    const unknown = problemsOf(VALID.replace('FrozenLake-v1', 'FrozenLak-v1'));
    expect(unknown[0]).toMatchObject({ line: 7, column: 7 });
    expect(unknown[0]!.message).toMatch(/FrozenLake-v1/);
    const twice = problemsOf(VALID.replace('  id: FrozenLake-v1', '  id: FrozenLake-v1\n  spec: loop.yaml'));
    expect(twice[0]!.message).toMatch(/named twice/);
    const learnerInLoop = problemsOf(VALID.replace('id: FrozenLake-v1', 'id: loopbench/code-repair-v1'));
    expect(learnerInLoop.some((p) => /cannot act in a loop/.test(p.message))).toBe(true);
    const llm = problemsOf(
      'version: 1\nagent: {algorithm: llm}\nenvironment: {id: CartPole-v1}\ntraining: {episodes: 1}\n',
    );
    expect(llm[0]!.fix).toMatch(/model/);
  });

  it('reports YAML syntax errors with their position, and says what a config holds when it is empty', () => {
    const syntax = problemsOf('version: 1\nagent: [\n');
    expect(syntax[0]!.line).toBeGreaterThan(0);
    expect(syntax[0]!.rule).toBe('yaml');
    expect(problemsOf('')[0]!.message).toMatch(/version/);
    expect(() => parseRunConfig('version: 2\n', { file: 'x.yaml' })).toThrow(
      /x\.yaml:1:10: error \[run-config\]/,
    );
  });

  it('refuses perturbations for an environment that is not a loop, and checks they are a list', () => {
    const problems = problemsOf(
      VALID.replace(
        '  options: {isSlippery: false}',
        '  options: {isSlippery: false}\n  perturbations: [budget_minus_one]',
      ),
    );
    expect(problems[0]).toMatchObject({ severity: 'error', line: 9 });
    expect(problems[0]!.message).toMatch(/apply to loop environments/);
    expect(
      problemsOf(VALID.replace('  options: {isSlippery: false}', '  perturbations: 3'))[0]!.message,
    ).toMatch(/list/);
  });

  it('applies the perturbations of a loop environment', async () => {
    const config = parseRunConfig(
      [
        'version: 1',
        'agent:',
        '  algorithm: random',
        'environment:',
        '  id: loopbench/multi-agent-debate-v1',
        '  backend: sim',
        '  perturbations: [budget_minus_one, {name: api_latency, seconds: 2}]',
        'training:',
        '  episodes: 1',
        '',
      ].join('\n'),
    );
    expect(config.warnings).toEqual([]);
    const env = await createRunEnvironment(config);
    const { info } = await env.reset({ seed: 0 });
    const applied = (info as { perturbations?: { name: string }[] }).perturbations ?? [];
    expect(applied.map((perturbation) => perturbation.name)).toEqual(
      expect.arrayContaining(['budget_minus_one', 'api_latency']),
    );
    await env.close();
  });

  it('reads JSON too', () => {
    const config = parseRunConfig(
      JSON.stringify({
        version: 1,
        agent: { algorithm: 'random' },
        environment: { id: 'CartPole-v1' },
        training: { episodes: 2 },
      }),
      { file: 'run.json' },
    );
    expect(config.data.agent.algorithm).toBe('random');
  });

  it.each(DEFAULT_CONFIG_AGENTS)('validates the default %s config', (agent) => {
    const config = parseRunConfig(defaultRunConfigText({ agent }), { file: '/tmp/x/run.yaml' });
    expect(config.data.agent.algorithm).toBe(agent);
    expect(config.warnings).toEqual([]);
  });
});
