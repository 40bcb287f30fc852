import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import type { SpecProblem } from '../spec-problem.js';
import { SourceMap } from './source-map.js';

/** A spec read from text: its plain value, where each node came from, and any syntax problems. */
export interface ParsedSpec {
  file: string;
  format: 'yaml' | 'json';
  /** The document as plain JSON-like data (`undefined` when the text could not be read at all). */
  value: unknown;
  sourceMap: SourceMap;
  /** Syntax problems (errors make `value` unreliable). */
  problems: SpecProblem[];
}

/** Options of {@link parseSpecText}. */
export interface ParseSpecOptions {
  /** The file name used in problems. */
  file?: string;
  /** Default: JSON when the file name ends in `.json` or the text starts with `{`, YAML otherwise. */
  format?: 'yaml' | 'json';
}

/** More aliases than this in one document is refused (protection against alias bombs). */
const MAX_ALIAS_COUNT = 1000;

/**
 * Parses an LSS document written in YAML 1.2 or JSON, keeping the file, line and column of every node. Duplicate
 * keys and tabs used for indentation are errors, anchors and aliases are resolved, as YAML 1.2 says; a syntax error
 * is reported with its position instead of thrown.
 *
 * @example
 * ```ts
 * const spec = parseSpecText(text, { file: 'loop.yaml' });
 * if (spec.problems.length === 0) console.log(spec.value);
 * ```
 */
export function parseSpecText(text: string, options: ParseSpecOptions = {}): ParsedSpec {
  const file = options.file ?? '<input>';
  const format = options.format ?? (file.endsWith('.json') || /^\s*\{/.test(text) ? 'json' : 'yaml');
  const lineCounter = new LineCounter();
  const sourceMap = new SourceMap(file);
  const document = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    schema: format === 'json' ? 'json' : 'core',
    version: '1.2',
  });
  const problems: SpecProblem[] = [
    ...document.errors.map((error) => syntaxProblem(error, file, 'error')),
    ...document.warnings.map((warning) => syntaxProblem(warning, file, 'warning')),
  ];
  sourceMap.index(document.contents, lineCounter);
  let value: unknown;
  if (document.errors.length === 0) {
    try {
      value = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      problems.push({
        severity: 'error',
        rule: 'yaml',
        message: `The document cannot be read: ${error instanceof Error ? error.message : String(error)}`,
        path: [],
        file,
      });
    }
  }
  return { file, format, value, sourceMap, problems };
}

/**
 * Reads and parses a spec file (see {@link parseSpecText}); a file that cannot be read is reported as a problem.
 *
 * @example
 * ```ts
 * const spec = await readSpecFile('loops/research.yaml');
 * ```
 */
export async function readSpecFile(path: string): Promise<ParsedSpec> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'the file does not exist' : String(error);
    return {
      file: path,
      format: path.endsWith('.json') ? 'json' : 'yaml',
      value: undefined,
      sourceMap: new SourceMap(path),
      problems: [
        { severity: 'error', rule: 'file', message: `Cannot read ${path}: ${reason}.`, path: [], file: path },
      ],
    };
  }
  return parseSpecText(text, { file: path });
}

const SYNTAX_HINTS: Record<string, string> = {
  DUPLICATE_KEY: 'Each key may appear once per mapping; remove or rename one of them.',
  TAB_AS_INDENT: 'Indent with spaces; YAML does not allow tabs for indentation.',
  BAD_INDENT: 'Check the indentation of this line against its parent.',
  MISSING_CHAR: 'A closing bracket, brace or quote is missing.',
  MULTILINE_IMPLICIT_KEY: 'A key must fit on one line; quote long keys or check for a missing colon.',
};

function syntaxProblem(error: YAMLError, file: string, severity: 'error' | 'warning'): SpecProblem {
  const firstLine = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos?.[0];
  return {
    severity,
    rule: 'yaml',
    message: `${firstLine}.`.replace(/\.\.$/, '.'),
    path: [],
    file,
    line: position?.line,
    column: position?.col,
    fix: SYNTAX_HINTS[error.code],
  };
}
