// Parses the `when` condition of a feedback channel (`score < pass_threshold`) into a ConditionExpression.
import type { PathSegment, SourceLocation, SpecProblem } from '../spec-problem.js';
import { checkConditionVariable, comparisonTypeMismatch } from './check-condition.js';
import type { ConditionExpression, ConditionOperand } from './loop-program.js';
import { ConditionSyntaxError, tokenizeCondition, type ConditionToken } from './tokenize-condition.js';

/** What is wrong with a condition, and where: `line` and `column` (1-based) count within the condition's text. */
export interface ConditionError {
  message: string;
  fix: string | undefined;
  /** 0-based index into the text. */
  offset: number;
  line: number;
  column: number;
}

export type ParseConditionResult =
  | { ok: true; expression: ConditionExpression; errors: readonly [] }
  | { ok: false; expression: undefined; errors: readonly ConditionError[] };

/** What the condition may refer to besides `CONDITION_VARIABLES`. */
export interface ParseConditionOptions {
  /** The rubric dimensions `dimension_scores.<name>` may name; absent: any name. */
  dimensions?: readonly string[] | undefined;
  /** The metrics `metrics.<name>` may name; absent: any name. */
  metrics?: readonly string[] | undefined;
  /** More variable names to accept (their type is not checked). */
  variables?: readonly string[] | undefined;
}

type CompareOperator = Extract<ConditionExpression, { kind: 'compare' }>['operator'];

const COMPARE_OPERATORS: ReadonlySet<string> = new Set(['<', '<=', '>', '>=', '==', '!=']);
const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not', 'true', 'false']);
/** Deeper nesting of `not` and parentheses than this is refused (no condition needs it; the stack stays small). */
const MAX_DEPTH = 64;
const EXAMPLE = 'e.g. `score < pass_threshold` or `passed == false and iteration >= 2`';

/**
 * Parses a condition: comparisons (`<`, `<=`, `>`, `>=`, `==`, `!=`) of variables, numbers, quoted strings and
 * booleans, joined with `and`/`or`/`not` (or `&&`/`||`/`!`) and parentheses; a lone operand tests its truth
 * (`passed`). Variables are those of `CONDITION_VARIABLES`. Never throws: a syntax error, an unknown variable or
 * a comparison that can never be true comes back as an error with its column and, where possible, a fix.
 *
 * @example
 * ```ts
 * const result = parseCondition('score < pass_threshold');
 * if (result.ok) evaluateCondition(result.expression, { score: 0.7, pass_threshold: 0.8 }); // true
 * parseCondition('scor < 0.8').errors[0]?.fix; // 'Did you mean `score`?'
 * ```
 */
export function parseCondition(text: string, options: ParseConditionOptions = {}): ParseConditionResult {
  let expression: ConditionExpression;
  const references: { operand: ConditionOperand & { kind: 'variable' }; offset: number }[] = [];
  const comparisons: { expression: ConditionExpression & { kind: 'compare' }; offset: number }[] = [];
  try {
    const parser = new Parser(tokenizeCondition(text), references, comparisons);
    expression = parser.parse();
  } catch (error) {
    if (!(error instanceof ConditionSyntaxError)) throw error;
    return failure([toError(text, error.message, error.offset, error.fix)]);
  }
  const errors: ConditionError[] = [];
  for (const { operand, offset } of references) {
    const problem = checkConditionVariable(operand.name, options);
    if (problem !== undefined) errors.push(toError(text, problem.message, offset, problem.fix));
  }
  for (const { expression: comparison, offset } of comparisons) {
    const message = comparisonTypeMismatch(comparison);
    if (message !== undefined) errors.push(toError(text, message, offset, undefined));
  }
  return errors.length === 0 ? { ok: true, expression, errors: [] } : failure(errors);
}

/**
 * A {@link SpecProblem} for a condition error found in the spec value at `path`. `location` is where the value
 * starts in the file; `quoted` says whether it is written between quotes (the column then moves one to the right).
 *
 * @example
 * ```ts
 * const result = parseCondition(channel.when);
 * const problems = result.errors.map((error) =>
 *   conditionProblem(error, { path: ['feedback_channels', 0, 'when'], file, location, quoted: true }),
 * );
 * ```
 */
export function conditionProblem(
  error: ConditionError,
  where: {
    path: readonly PathSegment[];
    file?: string | undefined;
    location?: SourceLocation | undefined;
    quoted?: boolean;
  },
): SpecProblem {
  const start = where.location;
  let line: number | undefined;
  let column: number | undefined;
  if (start !== undefined) {
    line = start.line + error.line - 1;
    column =
      error.line === 1 ? start.column + (where.quoted === true ? 1 : 0) + error.column - 1 : error.column;
  }
  return {
    severity: 'error',
    rule: 'condition',
    message: `Condition: ${error.message}`,
    path: where.path,
    file: where.file,
    line,
    column,
    fix: error.fix,
  };
}

class Parser {
  private index = 0;
  private depth = 0;

  constructor(
    private readonly tokens: readonly ConditionToken[],
    private readonly references: { operand: ConditionOperand & { kind: 'variable' }; offset: number }[],
    private readonly comparisons: { expression: ConditionExpression & { kind: 'compare' }; offset: number }[],
  ) {}

  parse(): ConditionExpression {
    if (this.peek().kind === 'end') {
      throw new ConditionSyntaxError('The condition is empty.', 0, `Write a condition, ${EXAMPLE}.`);
    }
    const expression = this.parseOr();
    const next = this.peek();
    if (next.kind !== 'end') {
      const fix =
        next.kind === 'operator' && next.value === ')'
          ? 'Remove it or add the matching `(`.'
          : 'Join conditions with `and` or `or`.';
      throw new ConditionSyntaxError(
        `Unexpected \`${next.text}\` after a complete condition.`,
        next.offset,
        fix,
      );
    }
    return expression;
  }

  private parseOr(): ConditionExpression {
    const operands = [this.parseAnd()];
    while (this.isWord('or', '||')) {
      this.index++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private parseAnd(): ConditionExpression {
    const operands = [this.parseNot()];
    while (this.isWord('and', '&&')) {
      this.index++;
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private parseNot(): ConditionExpression {
    if (this.isWord('not', '!')) {
      this.index++;
      return { kind: 'not', operand: this.nested(() => this.parseNot()) };
    }
    return this.parseComparison();
  }

  private parseComparison(): ConditionExpression {
    const open = this.peek();
    if (open.kind === 'operator' && open.value === '(') {
      this.index++;
      const inner = this.nested(() => this.parseOr());
      const close = this.peek();
      if (close.kind !== 'operator' || close.value !== ')') {
        throw new ConditionSyntaxError(`\`(\` is never closed.`, open.offset, 'Add the matching `)`.');
      }
      this.index++;
      const after = this.peek();
      if (after.kind === 'operator' && COMPARE_OPERATORS.has(after.value)) {
        throw new ConditionSyntaxError(
          `\`${after.text}\` compares values, not conditions.`,
          after.offset,
          'Remove the parentheses around the value, or compare each value on its own.',
        );
      }
      return inner;
    }
    const left = this.parseOperand();
    const operator = this.peek();
    if (operator.kind !== 'operator' || !COMPARE_OPERATORS.has(operator.value)) {
      return { kind: 'truthy', operand: left.operand };
    }
    this.index++;
    const right = this.parseOperand();
    const expression = {
      kind: 'compare' as const,
      operator: operator.value as CompareOperator,
      left: left.operand,
      right: right.operand,
    };
    this.comparisons.push({ expression, offset: operator.offset });
    const chained = this.peek();
    if (chained.kind === 'operator' && COMPARE_OPERATORS.has(chained.value)) {
      throw new ConditionSyntaxError(
        'Comparisons cannot be chained.',
        chained.offset,
        'Join two comparisons with `and`, e.g. `0.5 <= score and score < 0.8`.',
      );
    }
    return expression;
  }

  private parseOperand(): { operand: ConditionOperand } {
    const token = this.peek();
    switch (token.kind) {
      case 'number':
        this.index++;
        return { operand: { kind: 'number', value: token.value } };
      case 'string':
        this.index++;
        return { operand: { kind: 'string', value: token.value } };
      case 'identifier': {
        const word = token.value.toLowerCase();
        if (word === 'true' || word === 'false') {
          this.index++;
          return { operand: { kind: 'boolean', value: word === 'true' } };
        }
        if (KEYWORDS.has(word)) {
          throw new ConditionSyntaxError(
            `A value was expected before \`${token.text}\`.`,
            token.offset,
            `Write a condition, ${EXAMPLE}.`,
          );
        }
        this.index++;
        const operand = { kind: 'variable' as const, name: token.value };
        this.references.push({ operand, offset: token.offset });
        return { operand };
      }
      case 'end':
        throw new ConditionSyntaxError(
          'The condition ends too early: a value is missing.',
          token.offset,
          `Complete it, ${EXAMPLE}.`,
        );
      case 'operator':
        throw new ConditionSyntaxError(
          `A value was expected before \`${token.text}\`.`,
          token.offset,
          `Write a condition, ${EXAMPLE}.`,
        );
    }
  }

  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_DEPTH) {
      throw new ConditionSyntaxError(
        `The condition nests deeper than ${MAX_DEPTH} levels.`,
        this.peek().offset,
        'Simplify it.',
      );
    }
    const result = parse();
    this.depth--;
    return result;
  }

  private isWord(word: string, symbol: string): boolean {
    const token = this.peek();
    return (
      (token.kind === 'identifier' && token.value.toLowerCase() === word) ||
      (token.kind === 'operator' && token.value === symbol)
    );
  }

  private peek(): ConditionToken {
    return this.tokens[Math.min(this.index, this.tokens.length - 1)]!;
  }
}

function toError(text: string, message: string, offset: number, fix: string | undefined): ConditionError {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { message, fix, offset, line, column };
}

function failure(errors: ConditionError[]): ParseConditionResult {
  return { ok: false, expression: undefined, errors };
}
