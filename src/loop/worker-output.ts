// A worker's output as the engine hands it to evaluators, safety checks and other workers.

/** A fenced code block of an output: its language, the file it names (if any) and its content. */
export interface CodeBlock {
  language: string | undefined;
  /** The file the block names (` ```python path=calc/parse.py `, or a first line `# file: calc/parse.py`). */
  path: string | undefined;
  content: string;
}

/**
 * One worker's output in one iteration, checked against its declared `outputs.format`.
 *
 * @example
 * ```ts
 * const output: WorkerOutput = {
 *   workerId: 'implementer',
 *   name: 'Patch',
 *   format: 'code',
 *   raw: '```python path=calc.py\n...\n```',
 *   text: '...',
 *   value: undefined,
 *   codeBlocks: [{ language: 'python', path: 'calc.py', content: '...' }],
 * };
 * ```
 */
export interface WorkerOutput {
  workerId: string;
  /** The declared `outputs.name`. */
  name: string;
  format: 'text' | 'json' | 'markdown' | 'code' | 'binary';
  /** Exactly what the worker produced. */
  raw: string;
  /** The usable content: the code of a `code` output (blocks joined), the JSON text of a `json` output, else `raw`. */
  text: string;
  /** The parsed value of a `json` output (`undefined` otherwise). */
  value: unknown;
  /** The fenced code blocks of the output, in order (for any format). */
  codeBlocks: readonly CodeBlock[];
}
