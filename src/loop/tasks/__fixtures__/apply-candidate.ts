// A small applier for the candidate outputs of code tasks, for tests: whole-file code blocks and unified diffs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A fenced block of an output: its info string (` ```python path=a.py `) and content. */
interface FencedBlock {
  language: string;
  path: string | undefined;
  content: string;
}

function fencedBlocks(output: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  for (const match of output.matchAll(/^```(\S*)([^\n]*)\n([\s\S]*?)^```[ \t]*$/gm)) {
    const path = /\bpath=(\S+)/.exec(match[2] ?? '')?.[1];
    blocks.push({ language: match[1] ?? '', path, content: match[3] ?? '' });
  }
  return blocks;
}

interface Hunk {
  oldStart: number;
  oldLines: string[];
  newLines: string[];
}

function parseUnifiedDiff(diff: string): Map<string, Hunk[]> {
  const files = new Map<string, Hunk[]>();
  let hunks: Hunk[] | undefined;
  let hunk: Hunk | undefined;
  for (const line of diff.replace(/\n$/, '').split('\n')) {
    if (line.startsWith('--- ')) continue;
    if (line.startsWith('+++ ')) {
      const path = line.slice(4).split('\t')[0]!.replace(/^b\//, '');
      hunks = [];
      files.set(path, hunks);
      continue;
    }
    const header = /^@@ -(\d+)(?:,\d+)? \+\d+(?:,\d+)? @@/.exec(line);
    if (header !== null) {
      if (hunks === undefined) throw new Error(`Hunk before any +++ line: ${line}`);
      hunk = { oldStart: Number(header[1]), oldLines: [], newLines: [] };
      hunks.push(hunk);
      continue;
    }
    if (hunk === undefined) throw new Error(`Unexpected diff line before any hunk: ${line}`);
    const marker = line[0];
    const text = line.slice(1);
    if (marker === ' ' || line === '') {
      hunk.oldLines.push(text);
      hunk.newLines.push(text);
    } else if (marker === '-') hunk.oldLines.push(text);
    else if (marker === '+') hunk.newLines.push(text);
    else if (marker !== '\\') throw new Error(`Unexpected diff line: ${line}`);
  }
  return files;
}

function applyHunks(original: string, hunks: readonly Hunk[], path: string): string {
  const lines = original.split('\n');
  let offset = 0;
  for (const hunk of hunks) {
    const start = hunk.oldStart - 1 + offset;
    const matches = hunk.oldLines.every((line, index) => lines[start + index] === line);
    if (!matches) throw new Error(`Hunk at line ${hunk.oldStart} of ${path} does not match the file.`);
    lines.splice(start, hunk.oldLines.length, ...hunk.newLines);
    offset += hunk.newLines.length - hunk.oldLines.length;
  }
  return lines.join('\n');
}

/**
 * Applies a candidate output to the repository in `directory`: every ` ```lang path=… ` block replaces its file and
 * every ` ```diff ` block is applied as a unified diff (hunks must match exactly). Returns the changed paths.
 */
export function applyCandidate(output: string, directory: string): string[] {
  const changed: string[] = [];
  for (const block of fencedBlocks(output)) {
    if (block.language === 'diff') {
      for (const [path, hunks] of parseUnifiedDiff(block.content)) {
        const file = join(directory, path);
        writeFileSync(file, applyHunks(readFileSync(file, 'utf8'), hunks, path));
        changed.push(path);
      }
    } else if (block.path !== undefined) {
      writeFileSync(join(directory, block.path), block.content);
      changed.push(block.path);
    }
  }
  if (changed.length === 0) throw new Error('The output has no code block naming a file and no diff block.');
  return changed;
}
