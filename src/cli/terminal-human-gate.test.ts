import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalHumanGate } from './terminal-human-gate.js';

const request = {
  gateId: 'reviewer',
  kind: 'evaluator' as const,
  iteration: 1,
  subject: 'the draft',
  instructions: undefined,
};

describe('terminalHumanGate', () => {
  it('reads y and n (with a reason) and asks again on anything else', async () => {
    const input = new PassThrough();
    let printed = '';
    const gate = terminalHumanGate(input, (text) => (printed += text));
    input.write('maybe\nn too risky\ny\n');
    const first = await gate.review({ ...request, timeoutSeconds: 5 }, new AbortController().signal);
    expect(first).toMatchObject({ decision: 'reject', reason: 'too risky' });
    expect(printed).toContain('the draft');
    expect(printed).toContain('Please answer y or n');
    const second = await gate.review({ ...request, timeoutSeconds: 5 }, new AbortController().signal);
    expect(second.decision).toBe('approve');
  });

  it('times out after the SLA, and when the input ends', async () => {
    const input = new PassThrough();
    const gate = terminalHumanGate(input, () => {});
    const late = await gate.review({ ...request, timeoutSeconds: 0.05 }, new AbortController().signal);
    expect(late.decision).toBe('timeout');
    input.end();
    const ended = await gate.review({ ...request, timeoutSeconds: 5 }, new AbortController().signal);
    expect(ended.decision).toBe('timeout');
  });
});
