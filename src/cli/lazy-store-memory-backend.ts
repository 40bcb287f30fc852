// Persistent loop memory in the run store, opened only when a loop actually has persistent memory.
import type { MemoryBackend, MemoryEntry } from '../loop/loop-memory.js';
import { openRunStore, type RunStore } from '../store/run-store.js';

/** A {@link MemoryBackend} that opens the run store on first use; `close` closes it if it was opened. */
export interface LazyStoreMemoryBackend extends MemoryBackend {
  close(): void;
}

/**
 * The run store's memory backend for CLI commands: loops without `persistent` memory never touch the store, so
 * running them creates no database.
 *
 * @example
 * ```ts
 * const memoryBackend = lazyStoreMemoryBackend(flags.store);
 * const env = make(id, { services: { memoryBackend } });
 * // … run …
 * memoryBackend.close();
 * ```
 */
export function lazyStoreMemoryBackend(storePath?: string): LazyStoreMemoryBackend {
  let store: RunStore | undefined;
  const backend = (): MemoryBackend => {
    store ??= openRunStore(storePath);
    return store.memoryBackend();
  };
  return {
    load: (namespace: string): readonly MemoryEntry[] => backend().load(namespace),
    save: (namespace: string, entries: readonly MemoryEntry[]): void => backend().save(namespace, entries),
    close: (): void => {
      store?.close();
      store = undefined;
    },
  };
}
