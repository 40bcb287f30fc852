// Which output carries the code a test evaluator applies, and the pieces of code in it.
import type { WorkerOutput } from '../../../worker-output.js';
import { looksLikeUnifiedDiff } from './parse-unified-diff.js';

/** A piece of code to apply: a unified diff, a whole file named by path, or a file without a name. */
export type CodePiece =
  | { kind: 'diff'; text: string }
  | { kind: 'file'; path: string; content: string }
  | { kind: 'unnamed'; language: string | undefined; content: string };

const FILE_COMMENT = /^\s*(?:#|\/\/|--|;|\/\*|<!--)\s*file:\s*([^\s*]+?)\s*(?:\*\/|-->)?\s*$/iu;
const DIFF_LANGUAGES = new Set(['diff', 'patch', 'udiff']);

/**
 * The output whose code is applied: the last of `outputs` that has fenced code blocks, is of format `code`, or holds
 * a raw unified diff.
 *
 * @example
 * ```ts
 * findCodeOutput([planOutput, patchOutput]); // patchOutput
 * ```
 */
export function findCodeOutput(outputs: readonly WorkerOutput[]): WorkerOutput | undefined {
  return outputs.findLast(
    (output) => output.codeBlocks.length > 0 || output.format === 'code' || looksLikeUnifiedDiff(output.raw),
  );
}

/**
 * The pieces of code of `output`, in order. A fenced block is a diff when its language is `diff`/`patch` or its
 * content is a unified diff; else it is a file when its info string names a path or its first line is a comment
 * `# file: x.py` / `// file: x.js` (that line is dropped from the content); else it is unnamed. An output without
 * fenced blocks is one diff when its text is a unified diff, or one unnamed piece when it is of format `code`.
 *
 * @example
 * ```ts
 * codePieces(makeOutput('```python path=calc.py\nx = 1\n```')); // [{ kind: 'file', path: 'calc.py', content: 'x = 1\n' }]
 * ```
 */
export function codePieces(output: WorkerOutput): CodePiece[] {
  if (output.codeBlocks.length === 0) {
    if (looksLikeUnifiedDiff(output.raw)) return [{ kind: 'diff', text: output.raw }];
    if (output.format === 'code' && output.text.trim() !== '') {
      return [{ kind: 'unnamed', language: undefined, content: output.text }];
    }
    return [];
  }
  return output.codeBlocks.map((block): CodePiece => {
    const language = block.language?.toLowerCase();
    if ((language !== undefined && DIFF_LANGUAGES.has(language)) || looksLikeUnifiedDiff(block.content)) {
      return { kind: 'diff', text: block.content };
    }
    const [firstLine = '', ...rest] = block.content.split('\n');
    const commented = FILE_COMMENT.exec(firstLine)?.[1];
    const path = block.path ?? commented;
    if (path === undefined) return { kind: 'unnamed', language, content: block.content };
    const content = commented !== undefined && sameFile(commented, path) ? rest.join('\n') : block.content;
    return { kind: 'file', path, content };
  });
}

function sameFile(a: string, b: string): boolean {
  const clean = (path: string): string => path.replace(/^\.\//u, '');
  return clean(a) === clean(b);
}
