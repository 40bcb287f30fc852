import { describe, expect, it } from 'vitest';
import { TELEMETRY_SIGNALS } from './telemetry-signals.js';

describe('TELEMETRY_SIGNALS', () => {
  it('lists the documented signals once each, frozen', () => {
    const names = TELEMETRY_SIGNALS.map((signal) => signal.name);
    expect(names).toEqual(['cost', 'tokens', 'latency', 'iteration', 'iterations', 'safety']);
    expect(Object.isFrozen(TELEMETRY_SIGNALS)).toBe(true);
    expect(
      TELEMETRY_SIGNALS.every((signal) => Object.isFrozen(signal) && signal.description.endsWith('.')),
    ).toBe(true);
  });

  it('names each signal so that a metric source `telemetry.<name>` passes the LSS pattern', () => {
    for (const { name } of TELEMETRY_SIGNALS)
      expect(`telemetry.${name}`).toMatch(/^telemetry\.[a-z][a-z0-9_.-]*$/);
  });
});
