// A loop's memory: keys written by allowed writers, read under the read policy, kept as long as its type says.
import type { MemoryPlan } from '../lss/compile/loop-program.js';

/** One memory entry. */
export interface MemoryEntry {
  key: string;
  value: unknown;
  /** The worker (or `optimizer`) that wrote it. */
  writer: string;
  /** The iteration and episode time (seconds) it was written at. */
  iteration: number;
  time: number;
}

/**
 * Where `persistent` memory lives between episodes (the run store provides one; {@link InMemoryMemoryBackend}
 * keeps it for the life of the process).
 */
export interface MemoryBackend {
  load(namespace: string): readonly MemoryEntry[];
  save(namespace: string, entries: readonly MemoryEntry[]): void;
}

/**
 * Persistent memory kept in this process only.
 *
 * @example
 * ```ts
 * const backend = new InMemoryMemoryBackend(); // share it between episodes
 * ```
 */
export class InMemoryMemoryBackend implements MemoryBackend {
  private readonly spaces = new Map<string, readonly MemoryEntry[]>();

  load(namespace: string): readonly MemoryEntry[] {
    return structuredClone(this.spaces.get(namespace) ?? []);
  }

  save(namespace: string, entries: readonly MemoryEntry[]): void {
    this.spaces.set(namespace, structuredClone(entries));
  }
}

/** The outcome of a read. */
export type MemoryRead =
  { status: 'ok'; entry: MemoryEntry } | { status: 'missing' } | { status: 'denied'; reason: string };

const SECONDS_PER_UNIT = { hour: 3600, day: 86400 } as const;

/**
 * The memory of one episode, as its `memory` block declares: `ephemeral` is cleared at the start of each iteration,
 * `session` lasts the episode, `persistent` is loaded from and saved to a {@link MemoryBackend}. `retention` expires
 * entries after that many iterations, hours or days (episode time); `max_entries` drops the oldest. Writes are denied
 * unless `write_policy.allowed_writers` names the writer; with a `read_policy`, a worker reads only its listed keys.
 *
 * @example
 * ```ts
 * const memory = new LoopMemory(program.memory, { namespace: program.name });
 * memory.write('notes', { claims: [] }, 'researcher', 1, 0); // 'written' or 'denied'
 * memory.read('notes', 'writer');
 * ```
 */
export class LoopMemory {
  private entries = new Map<string, MemoryEntry>();
  private readonly plan: MemoryPlan;
  private readonly namespace: string;
  private readonly backend: MemoryBackend | undefined;

  constructor(plan: MemoryPlan, options: { namespace: string; backend?: MemoryBackend | undefined }) {
    this.plan = plan;
    this.namespace = options.namespace;
    this.backend = plan.type === 'persistent' ? options.backend : undefined;
    for (const entry of this.backend?.load(this.namespace) ?? []) this.entries.set(entry.key, entry);
  }

  /** Called at the start of each iteration: clears ephemeral memory and expires entries past their retention. */
  startIteration(iteration: number, time: number): void {
    if (this.plan.type === 'ephemeral') {
      this.entries.clear();
      return;
    }
    const retention = this.plan.retention;
    if (retention === undefined) return;
    for (const [key, entry] of this.entries) {
      const age =
        retention.unit === 'iteration'
          ? iteration - entry.iteration
          : (time - entry.time) / SECONDS_PER_UNIT[retention.unit];
      if (age > retention.value) this.entries.delete(key);
    }
  }

  /** Whether `writer` may write (`write_policy.allowed_writers`; default deny). */
  mayWrite(writer: string): boolean {
    return this.plan.allowedWriters.includes(writer);
  }

  /** Writes an entry when the writer is allowed; returns what happened. */
  write(key: string, value: unknown, writer: string, iteration: number, time: number): 'written' | 'denied' {
    if (!this.mayWrite(writer)) return 'denied';
    this.entries.delete(key);
    this.entries.set(key, { key, value: structuredClone(value), writer, iteration, time });
    const limit = this.plan.maxEntries;
    if (limit !== undefined) {
      while (this.entries.size > limit) {
        const oldest = this.entries.keys().next().value;
        if (oldest === undefined) break;
        this.entries.delete(oldest);
      }
    }
    return 'written';
  }

  /** Reads a key for a worker, under the read policy. */
  read(key: string, reader: string): MemoryRead {
    const policy = this.plan.readPolicy;
    if (policy !== undefined && !(policy[reader] ?? []).includes(key)) {
      return {
        status: 'denied',
        reason: `\`memory.read_policy\` does not grant \`${key}\` to \`${reader}\`.`,
      };
    }
    const entry = this.entries.get(key);
    return entry === undefined ? { status: 'missing' } : { status: 'ok', entry };
  }

  /** Every entry, oldest first. */
  snapshot(): MemoryEntry[] {
    return structuredClone([...this.entries.values()]);
  }

  /** Saves persistent memory to its backend (called when the episode ends). */
  persist(): void {
    this.backend?.save(this.namespace, [...this.entries.values()]);
  }
}
