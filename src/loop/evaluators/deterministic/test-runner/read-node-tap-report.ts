// Reads the TAP that `node --test --test-reporter=tap` writes.
import type { TestCaseResult, TestReport } from './test-report.js';

const RESULT_LINE = /^( *)(ok|not ok)\s+\d+\s*(?:-\s*)?(.*?)(?:\s+#\s*(SKIP|TODO)\b.*)?$/iu;
const SUBTEST_LINE = /^( *)# Subtest: (.*)$/u;
const SYNTAX_LINE = /^\s*#?\s*((?:SyntaxError|IndentationError|TabError): .*)$/u;
const MEMORY_TEXT =
  /JavaScript heap out of memory|Reached heap limit|Allocation failed|ERR_WORKER_OUT_OF_MEMORY/u;

/**
 * The report in a TAP stream from Node's test runner. Only leaf tests count (a `describe` block or a file that has
 * subtests is a suite); ids join the names of enclosing suites with ` > `. A failure's message is the first line of
 * its `error:` field; `SKIP` and `TODO` tests are skipped. A file that fails to load is a failing test named by its
 * path (with `repositoryDirectory` removed); a `SyntaxError:` anywhere in the stream is reported as a syntax error.
 * The stream is complete when it has its final plan line (`1..N` at the top level).
 *
 * @example
 * ```ts
 * readNodeTapReport('TAP version 13\n# Subtest: adds\nok 1 - adds\n1..1\n', '/tmp/repo');
 * // { planned: [], results: [{ id: 'adds', status: 'passed', … }], complete: true, … }
 * ```
 */
export function readNodeTapReport(text: string, repositoryDirectory: string): TestReport {
  const lines = text.split('\n');
  const results: TestCaseResult[] = [];
  const names: string[] = [];
  const childCounts: number[] = [];
  let complete = false;
  let syntaxError: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const syntax = SYNTAX_LINE.exec(line);
    if (syntax !== null && syntaxError === undefined) syntaxError = syntax[1]!.trim();
    if (/^1\.\.\d+\s*$/u.test(line)) complete = true;
    const subtest = SUBTEST_LINE.exec(line);
    if (subtest !== null) {
      const level = Math.floor(subtest[1]!.length / 4);
      names[level] = subtest[2]!;
      names.length = level + 1;
      continue;
    }
    const result = RESULT_LINE.exec(line);
    if (result === null) continue;
    const level = Math.floor(result[1]!.length / 4);
    const hasChildren = (childCounts[level + 1] ?? 0) > 0;
    childCounts[level + 1] = 0;
    childCounts[level] = (childCounts[level] ?? 0) + 1;
    if (hasChildren) continue;
    const name = relativize(result[3]!.trim(), repositoryDirectory);
    const id = [...names.slice(0, level).map((part) => relativize(part, repositoryDirectory)), name].join(
      ' > ',
    );
    const directive = result[4]?.toUpperCase();
    const failed = result[2]!.toLowerCase() === 'not ok';
    const diagnostics = readDiagnostics(lines, index + 1, result[1]!.length + 2);
    results.push({
      id,
      status: directive !== undefined ? 'skipped' : failed ? 'failed' : 'passed',
      message:
        failed && directive === undefined
          ? relativize(diagnostics.error ?? '', repositoryDirectory) || undefined
          : undefined,
      kind: undefined,
    });
  }
  return { planned: [], results, complete, syntaxError, memoryError: MEMORY_TEXT.test(text) };
}

/** The first line of the `error:` field of the YAML block that follows a result line, if any. */
function readDiagnostics(
  lines: readonly string[],
  start: number,
  indent: number,
): { error: string | undefined } {
  if (lines[start]?.trim() !== '---') return { error: undefined };
  const pad = ' '.repeat(indent);
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (line.trim() === '...') break;
    if (!line.startsWith(`${pad}error:`)) continue;
    const value = line.slice(pad.length + 'error:'.length).trim();
    if (value.startsWith('|') || value.startsWith('>')) {
      for (let next = index + 1; next < lines.length; next++) {
        const text = lines[next]!;
        if (!text.startsWith(`${pad}  `)) break;
        if (text.trim() !== '') return { error: text.trim() };
      }
      return { error: undefined };
    }
    if (value.startsWith("'") && value.endsWith("'"))
      return { error: value.slice(1, -1).replace(/''/gu, "'") };
    if (value.startsWith('"') && value.endsWith('"')) {
      try {
        return { error: String(JSON.parse(value)) };
      } catch {
        return { error: value.slice(1, -1) };
      }
    }
    return { error: value === '~' ? undefined : value };
  }
  return { error: undefined };
}

function relativize(text: string, directory: string): string {
  return text.split(`${directory}/`).join('').split(directory).join('.');
}
