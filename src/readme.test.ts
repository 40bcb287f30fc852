// Keeps README.md true: its TypeScript example runs against the current source, and its Quickstart has two commands.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README.md', () => {
  it('has a Quickstart of exactly two commands', () => {
    const quickstart = readme.slice(readme.indexOf('## Quickstart'));
    const block = /```sh\n([\s\S]*?)```/.exec(quickstart)?.[1] ?? '';
    const commands = block.split('\n').filter((line) => line.trim() !== '');
    expect(commands).toHaveLength(2);
    expect(commands[1]).toMatch(/^npm test\b/);
  });

  it('has an API example that runs', async () => {
    const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(code).toBeDefined();
    const index = fileURLToPath(new URL('./index.ts', import.meta.url));
    const file = join(mkdtempSync(join(tmpdir(), 'loopgym-readme-')), 'example.ts');
    writeFileSync(
      file,
      code!.replaceAll("from 'loopgym'", `from ${JSON.stringify(index)}`) + '\nexport {};\n',
    );
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await import(file);
      expect(log).toHaveBeenCalledTimes(2);
      expect(String(log.mock.calls[0]![0])).toContain('S');
      expect(typeof log.mock.calls[1]![0]).toBe('number');
    } finally {
      log.mockRestore();
    }
  });
});
