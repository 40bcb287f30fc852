// Splits the text of a `when` condition into tokens, each with its offset, for the condition parser.

/** One token of a condition. `offset` is the 0-based index of its first character in the text. */
export type ConditionToken =
  | { kind: 'number'; value: number; offset: number; text: string }
  | { kind: 'string'; value: string; offset: number; text: string }
  | { kind: 'identifier'; value: string; offset: number; text: string }
  | { kind: 'operator'; value: ConditionOperatorText; offset: number; text: string }
  | { kind: 'end'; value: ''; offset: number; text: '' };

type ConditionOperatorText = '<' | '<=' | '>' | '>=' | '==' | '!=' | '!' | '&&' | '||' | '(' | ')';

/** A tokenizing or parsing failure at a position of the text. */
export class ConditionSyntaxError extends Error {
  readonly offset: number;
  readonly fix: string | undefined;

  constructor(message: string, offset: number, fix?: string) {
    super(message);
    this.name = 'ConditionSyntaxError';
    this.offset = offset;
    this.fix = fix;
  }
}

const OPERATORS: readonly ConditionOperatorText[] = [
  '<=',
  '>=',
  '==',
  '!=',
  '&&',
  '||',
  '<',
  '>',
  '!',
  '(',
  ')',
];

/** Common mistakes: what was written, and what to write instead. */
const MISTAKES: readonly { text: string; fix: string }[] = [
  { text: '===', fix: 'Write `==` for equality.' },
  { text: '!==', fix: 'Write `!=` for inequality.' },
  { text: '<>', fix: 'Write `!=` for inequality.' },
  { text: '=>', fix: 'Write `>=` for "at least".' },
  { text: '=<', fix: 'Write `<=` for "at most".' },
];

const IDENTIFIER_START = /[A-Za-z_]/;
const IDENTIFIER_PART = /[A-Za-z0-9_]/;
// After a dot, a segment may also start with a digit and contain hyphens (rubric dimension names may).
const SEGMENT_PART = /[A-Za-z0-9_-]/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "'": "'",
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

/**
 * The tokens of a condition, ending with an `end` token; throws {@link ConditionSyntaxError} at the first character
 * that starts no token.
 *
 * @example
 * ```ts
 * tokenizeCondition('score < 0.8').map((t) => t.text); // ['score', '<', '0.8', '']
 * ```
 */
export function tokenizeCondition(text: string): ConditionToken[] {
  const tokens: ConditionToken[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    const start = index;
    const mistake = MISTAKES.find((m) => text.startsWith(m.text, index));
    if (mistake !== undefined) {
      throw new ConditionSyntaxError(`\`${mistake.text}\` is not an operator.`, start, mistake.fix);
    }
    const operator = OPERATORS.find((o) => text.startsWith(o, index));
    if (operator !== undefined) {
      tokens.push({ kind: 'operator', value: operator, offset: start, text: operator });
      index += operator.length;
      continue;
    }
    if (char === '=') {
      throw new ConditionSyntaxError(
        '`=` alone is not an operator.',
        start,
        'Write `==` to compare for equality.',
      );
    }
    if (char === '&' || char === '|') {
      const word = char === '&' ? 'and' : 'or';
      throw new ConditionSyntaxError(`\`${char}\` alone is not an operator.`, start, `Write \`${word}\`.`);
    }
    if (char === '-' && /[\d.]/.test(text[index + 1] ?? '')) {
      const number = readNumber(text, start + 1);
      tokens.push({ kind: 'number', value: -number.value, offset: start, text: `-${number.text}` });
      index += number.text.length + 1;
      continue;
    }
    if ('+-*/%'.includes(char)) {
      throw new ConditionSyntaxError(
        `\`${char}\`: a condition cannot compute.`,
        start,
        'Compare a variable with a value instead, e.g. `score < 0.8` or `iteration >= 3`.',
      );
    }
    if (/[\d.]/.test(char)) {
      tokens.push(readNumber(text, start));
      index += tokens[tokens.length - 1]!.text.length;
      continue;
    }
    if (char === '"' || char === "'") {
      const token = readString(text, start);
      tokens.push(token);
      index += token.text.length;
      continue;
    }
    if (IDENTIFIER_START.test(char)) {
      const token = readIdentifier(text, start);
      tokens.push(token);
      index += token.text.length;
      continue;
    }
    throw new ConditionSyntaxError(
      `Unexpected character \`${char}\`.`,
      start,
      'A condition compares variables, numbers, quoted strings and booleans, e.g. `score < pass_threshold`.',
    );
  }
  tokens.push({ kind: 'end', value: '', offset: text.length, text: '' });
  return tokens;
}

function readNumber(text: string, start: number): Extract<ConditionToken, { kind: 'number' }> {
  const match = NUMBER.exec(text.slice(start));
  if (match === null) {
    throw new ConditionSyntaxError('A number was expected here.', start, 'Write numbers like `0.8` or `.8`.');
  }
  const literal = match[0];
  const after = text[start + literal.length];
  if (after !== undefined && (IDENTIFIER_PART.test(after) || after === '.')) {
    throw new ConditionSyntaxError(
      `\`${literal}${after}\` is not a number.`,
      start,
      'Write numbers like `0.8`, `80` or `1e-3`; variable names start with a letter.',
    );
  }
  const value = Number(literal);
  if (!Number.isFinite(value)) {
    throw new ConditionSyntaxError(`The number \`${literal}\` is too large.`, start);
  }
  return { kind: 'number', value, offset: start, text: literal };
}

function readString(text: string, start: number): ConditionToken {
  const quote = text[start]!;
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index]!;
    if (char === quote) {
      return { kind: 'string', value, offset: start, text: text.slice(start, index + 1) };
    }
    if (char === '\\') {
      const escaped = text[index + 1];
      if (escaped === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(index + 2, index + 6))) {
        value += String.fromCharCode(Number.parseInt(text.slice(index + 2, index + 6), 16));
        index += 6;
        continue;
      }
      const replacement = escaped === undefined ? undefined : ESCAPES[escaped];
      if (replacement === undefined) {
        throw new ConditionSyntaxError(
          `Unknown escape \`\\${escaped ?? ''}\` in a string.`,
          index,
          'Escape only quotes and backslashes (`\\"`, `\\\\`), or `\\n`, `\\t`, `\\uXXXX`.',
        );
      }
      value += replacement;
      index += 2;
      continue;
    }
    value += char;
    index++;
  }
  throw new ConditionSyntaxError('This string is never closed.', start, `Add the closing ${quote}.`);
}

function readIdentifier(text: string, start: number): ConditionToken {
  let index = start + 1;
  while (index < text.length && IDENTIFIER_PART.test(text[index]!)) index++;
  while (text[index] === '.') {
    const segmentStart = index + 1;
    index = segmentStart;
    while (index < text.length && SEGMENT_PART.test(text[index]!)) index++;
    if (index === segmentStart) {
      throw new ConditionSyntaxError(
        `\`${text.slice(start, index)}\` ends with a dot.`,
        start,
        'Write the name after the dot, e.g. `dimension_scores.coverage`.',
      );
    }
  }
  const name = text.slice(start, index);
  return { kind: 'identifier', value: name, offset: start, text: name };
}
