import { isAlias, isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml';
import type { PathSegment, SourceLocation } from '../spec-problem.js';

interface Entry {
  value: SourceLocation;
  key: SourceLocation | undefined;
}

/**
 * Where every node of a parsed document came from: for each path, the position of its value and, for mapping
 * entries, of its key. Problems use it to point at the line a person has to change.
 *
 * @example
 * ```ts
 * const spec = parseSpecText('a:\n  b: 1\n', { file: 'x.yaml' });
 * spec.sourceMap.locate(['a', 'b']); // { line: 2, column: 6 }
 * ```
 */
export class SourceMap {
  readonly file: string;
  private readonly entries = new Map<string, Entry>();

  constructor(file: string) {
    this.file = file;
  }

  /** Records the nodes of a `yaml` document tree (called by the parser). */
  index(root: Node | null, lineCounter: LineCounter): void {
    const at = (offset: number | undefined): SourceLocation | undefined => {
      if (offset === undefined) return undefined;
      const { line, col } = lineCounter.linePos(offset);
      return { line, column: col };
    };
    const visit = (node: unknown, path: PathSegment[], key: SourceLocation | undefined): void => {
      const range = (node as { range?: [number, number, number] } | null)?.range;
      const value = at(range?.[0]);
      if (value !== undefined) this.entries.set(keyOf(path), { value, key });
      if (isMap(node)) {
        for (const item of node.items) {
          if (!isPair(item)) continue;
          const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
          const keyRange = (item.key as { range?: [number, number, number] } | null)?.range;
          const keyLocation = at(keyRange?.[0]);
          const child = [...path, name];
          if (item.value === null && keyLocation !== undefined) {
            this.entries.set(keyOf(child), { value: keyLocation, key: keyLocation });
          } else {
            visit(item.value, child, keyLocation);
          }
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, index) => visit(item, [...path, index], undefined));
      } else if (isAlias(node)) {
        // The alias's own position stands for whatever it refers to.
      }
    };
    visit(root, [], undefined);
  }

  /** The position of the value at `path`, or of its closest recorded ancestor. */
  locate(path: readonly PathSegment[]): SourceLocation | undefined {
    for (let length = path.length; length >= 0; length--) {
      const entry = this.entries.get(keyOf(path.slice(0, length)));
      if (entry !== undefined) return entry.value;
    }
    return undefined;
  }

  /** The position of the key of the entry at `path` (for unknown or misplaced keys), else of its value. */
  locateKey(path: readonly PathSegment[]): SourceLocation | undefined {
    const entry = this.entries.get(keyOf(path));
    return entry?.key ?? this.locate(path);
  }
}

function keyOf(path: readonly PathSegment[]): string {
  return JSON.stringify(path);
}
