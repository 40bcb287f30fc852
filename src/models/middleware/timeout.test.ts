import { describe, expect, it } from 'vitest';
import { ModelTimeoutError } from '../model-errors.js';
import { attemptSignal, runWithTimeout } from './timeout.js';

describe('runWithTimeout', () => {
  it('rejects with a ModelTimeoutError and aborts the call, even one that ignores its signal', async () => {
    let seen: AbortSignal | undefined;
    const running = runWithTimeout(
      (signal) => {
        seen = signal;
        return new Promise<string>(() => undefined);
      },
      'fake:model',
      20,
    );
    await expect(running).rejects.toBeInstanceOf(ModelTimeoutError);
    await expect(running).rejects.toThrow(/fake:model took longer than 20 ms/);
    expect(seen?.aborted).toBe(true);
  });

  it('passes the caller’s abort reason, whatever the model throws when aborted', async () => {
    const controller = new AbortController();
    const running = runWithTimeout(
      (signal) =>
        new Promise<string>((_, reject) => {
          signal.addEventListener('abort', () => reject(new Error('Request was aborted.')));
        }),
      'fake:model',
      10_000,
      controller.signal,
    );
    controller.abort(new Error('user cancelled'));
    await expect(running).rejects.toThrow('user cancelled');
  });

  it('returns the answer in time and leaves no timer behind', async () => {
    await expect(runWithTimeout(() => Promise.resolve(42), 'fake:model', 1000)).resolves.toBe(42);
    await expect(runWithTimeout(() => Promise.reject(new Error('own')), 'fake:model', 1000)).rejects.toThrow(
      'own',
    );
    await expect(runWithTimeout(() => Promise.resolve(1), 'fake:model', undefined)).resolves.toBe(1);
  });

  it('restarts and pauses for streams', async () => {
    const attempt = attemptSignal('fake:model', 30, undefined);
    attempt.pause();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(attempt.signal.aborted).toBe(false);
    attempt.restart();
    await expect(attempt.stopped).rejects.toBeInstanceOf(ModelTimeoutError);
    attempt.dispose();
  });
});
