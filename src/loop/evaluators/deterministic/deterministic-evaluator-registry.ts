// The registry of deterministic evaluator implementations that specs name in `implementation:`.
import { RegistrationError } from '../../../core/errors.js';
import { closestMatches } from '../../../registry/closest-matches.js';
import type { DeterministicEvaluator } from './deterministic-evaluator.js';
import { DeterministicEvaluatorNotFoundError } from './deterministic-evaluator-errors.js';
import { parseEvaluatorParameters } from './define-deterministic-evaluator.js';

/**
 * The prefix specs put before implementation names (`evaluators.word_count_max`); lookups may leave it out.
 *
 * @example
 * ```ts
 * registry.get(`${EVALUATOR_NAME_PREFIX}word_count_max`); // same as registry.get('word_count_max')
 * ```
 */
export const EVALUATOR_NAME_PREFIX = 'evaluators.';

/**
 * Deterministic evaluator implementations by name. Names are those specs use in `implementation:`
 * (`evaluators.test_pass_rate`); a lookup may leave out the `evaluators.` prefix. Aliases give an implementation a
 * second name. {@link createDefaultEvaluatorRegistry} returns one holding every built-in.
 *
 * @example
 * ```ts
 * const registry = createDefaultEvaluatorRegistry();
 * registry.register(myEvaluator); // a name of your own, e.g. 'evaluators.house_style'
 * const evaluator = registry.get('evaluators.word_count_max');
 * const parameters = registry.resolveParameters(evaluator, { max_words: 250 });
 * ```
 */
export class DeterministicEvaluatorRegistry {
  readonly #evaluators = new Map<string, DeterministicEvaluator>();
  readonly #aliases = new Map<string, string>();

  /**
   * Adds an implementation under its `name`. Refuses a name already taken (by an implementation or an alias).
   *
   * @example
   * ```ts
   * registry.register({ name: 'evaluators.always_pass', description: 'Passes.', evaluate: () => verdict });
   * ```
   */
  register(evaluator: DeterministicEvaluator): this {
    this.#checkFreeName(evaluator.name, 'deterministic evaluator');
    this.#evaluators.set(evaluator.name, evaluator);
    return this;
  }

  /**
   * Makes `alias` another name of the implementation registered as `target`.
   *
   * @example
   * ```ts
   * registry.alias('evaluators.max_words', 'evaluators.word_count_max');
   * ```
   */
  alias(alias: string, target: string): this {
    const resolved = this.#lookup(target);
    if (resolved === undefined) {
      throw new RegistrationError(
        `Cannot alias \`${alias}\` to \`${target}\`: no deterministic evaluator has that name. ` +
          'Register the implementation first.',
      );
    }
    this.#checkFreeName(alias, 'alias');
    this.#aliases.set(alias, resolved.name);
    return this;
  }

  /**
   * The implementation named `name` (or an alias of it), with or without the `evaluators.` prefix.
   *
   * @throws {DeterministicEvaluatorNotFoundError} with the closest names ("Did you mean …?").
   * @example
   * ```ts
   * registry.get('evaluators.test_pass_rate').name; // 'evaluators.test_pass_rate'
   * registry.get('word_count_max').name; // 'evaluators.word_count_max'
   * ```
   */
  get(name: string): DeterministicEvaluator {
    const evaluator = this.#lookup(name);
    if (evaluator !== undefined) return evaluator;
    const names = this.names();
    const byShortName = new Map(names.map((full) => [withoutPrefix(full), full]));
    const suggestions = closestMatches(withoutPrefix(name), byShortName.keys()).map((short) =>
      byShortName.get(short)!,
    );
    throw new DeterministicEvaluatorNotFoundError(name, suggestions, names);
  }

  /**
   * Whether {@link get} would find `name`.
   *
   * @example
   * ```ts
   * registry.has('evaluators.exact_match'); // true
   * ```
   */
  has(name: string): boolean {
    return this.#lookup(name) !== undefined;
  }

  /**
   * Every name {@link get} accepts (implementations and aliases, with their prefix), sorted.
   *
   * @example
   * ```ts
   * registry.names(); // ['evaluators.approval_required', 'evaluators.citation_count_min', …]
   * ```
   */
  names(): string[] {
    return [...this.#evaluators.keys(), ...this.#aliases.keys()].sort();
  }

  /**
   * The aliases and the implementation each names, sorted by alias.
   *
   * @example
   * ```ts
   * registry.aliases(); // { 'evaluators.max_words': 'evaluators.word_count_max' }
   * ```
   */
  aliases(): Record<string, string> {
    return Object.fromEntries([...this.#aliases.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  /**
   * Checks raw parameters (from a task's `evaluator_parameters`) against the implementation's zod schema and returns
   * them with defaults applied. `evaluator` is an implementation or a name this registry knows.
   *
   * @throws {EvaluatorParameterError} naming the evaluator (and `evaluatorId` when given) and the bad parameter.
   * @example
   * ```ts
   * registry.resolveParameters('evaluators.word_count_max', {}); // { max_words: 100 }
   * registry.resolveParameters('evaluators.word_count_max', { max_words: -1 }, { evaluatorId: 'length_check' }); // throws
   * ```
   */
  resolveParameters(
    evaluator: DeterministicEvaluator | string,
    raw: unknown,
    options: { evaluatorId?: string | undefined } = {},
  ): Record<string, unknown> {
    const implementation = typeof evaluator === 'string' ? this.get(evaluator) : evaluator;
    return parseEvaluatorParameters(implementation, raw, options.evaluatorId);
  }

  #lookup(name: string): DeterministicEvaluator | undefined {
    for (const candidate of [name, `${EVALUATOR_NAME_PREFIX}${name}`]) {
      const target = this.#aliases.get(candidate) ?? candidate;
      const evaluator = this.#evaluators.get(target);
      if (evaluator !== undefined) return evaluator;
    }
    return undefined;
  }

  #checkFreeName(name: string, what: string): void {
    if (typeof name !== 'string' || name.trim() === '' || name !== name.trim()) {
      throw new RegistrationError(
        `A ${what} needs a non-empty name without surrounding spaces, such as \`evaluators.my_check\`; got ${JSON.stringify(name)}.`,
      );
    }
    if (this.#evaluators.has(name) || this.#aliases.has(name)) {
      const existing = this.#evaluators.has(name) ? 'a deterministic evaluator' : 'an alias';
      throw new RegistrationError(
        `Cannot register ${what} \`${name}\`: ${existing} with that name is already registered. ` +
          'Choose another name, or build a fresh DeterministicEvaluatorRegistry to replace built-ins.',
      );
    }
  }
}

function withoutPrefix(name: string): string {
  return name.startsWith(EVALUATOR_NAME_PREFIX) ? name.slice(EVALUATOR_NAME_PREFIX.length) : name;
}
