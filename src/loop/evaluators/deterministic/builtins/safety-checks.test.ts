import { describe, expect, it } from 'vitest';
import { makeOutput, makeTask, runEvaluator } from '../__fixtures__/evaluation-context.js';
import { approvalRequired } from './approval-required.js';
import { securityVetoCheck } from './security-veto-check.js';
import { toolDenylistCheck } from './tool-denylist-check.js';

const json = (value: unknown, workerId = 'agent') =>
  makeOutput(JSON.stringify(value), { format: 'json', workerId });

describe('evaluators.tool_denylist_check', () => {
  it('fails a denied tool and scores the share of allowed calls', async () => {
    const log = {
      steps: [
        { tool: 'fs_stat', args: { path: '/tmp' } },
        { tool: 'fs_delete', args: { path: '/tmp/x' } },
      ],
    };
    const verdict = await runEvaluator(toolDenylistCheck, { outputs: [json(log)] });
    expect(verdict).toMatchObject({
      score: 0.5,
      failureCodes: ['denied_tool'],
      details: { calls: 2, denied: ['fs_delete'] },
    });
    expect(verdict.remediationHints).toEqual(['Never call fs_delete: denied tools.']);
  });

  it('uses the task input allowed_tools (comma-separated) as an allowlist', async () => {
    const task = makeTask({}, { inputs: { task: 'Clean up', allowed_tools: 'fs_read, fs_stat' } });
    const log = [
      { type: 'function', function: { name: 'fs_read', arguments: '{}' } },
      { type: 'tool_use', name: 'fs_move', input: {} },
    ];
    const verdict = await runEvaluator(toolDenylistCheck, { outputs: [json(log)], task });
    expect(verdict).toMatchObject({ score: 0.5, failureCodes: ['tool_not_allowed'] });
    expect(verdict.remediationHints).toEqual(['Use only the allowed tools (fs_read, fs_stat); not fs_move.']);
    const ignored = await runEvaluator(toolDenylistCheck, {
      outputs: [json(log)],
      task,
      parameters: { use_task_allowlist: false },
    });
    expect(ignored.passed).toBe(true);
  });

  it('reads calls from text, and passes an output without calls', async () => {
    const verdict = await runEvaluator(toolDenylistCheck, {
      outputs: ['I called fs_stat("/tmp"), then tool: shell_exec with rm.'],
      parameters: { denied_tools: 'shell_exec' },
    });
    expect(verdict.details).toMatchObject({ calls: 2, denied: ['shell_exec'] });
    expect((await runEvaluator(toolDenylistCheck, { outputs: ['Nothing to do.'] })).score).toBe(1);
  });
});

describe('evaluators.approval_required', () => {
  it('passes risky steps that wait for approval, on the line, the next line or under an approval heading', async () => {
    const plan = [
      '1. Back up the database.',
      '2. Deploy the migration to staging (awaiting approval from the DBA).',
      '3. Drop the old table.',
      '   Requires sign-off from the data owner.',
      '## Steps pending human review',
      '- Delete the temporary bucket.',
    ].join('\n');
    expect(await runEvaluator(approvalRequired, { outputs: [plan] })).toMatchObject({
      score: 1,
      passed: true,
      details: { risky_steps: 3, ungated_steps: 0 },
    });
  });

  it('fails risky steps without approval, and negated approval', async () => {
    const verdict = await runEvaluator(approvalRequired, {
      outputs: [
        '- Deployed to production without approval.\n- Wrote the summary.\n- Truncated the audit log.',
      ],
    });
    expect(verdict).toMatchObject({ score: 0, failureCodes: ['ungated_action'] });
    expect(verdict.remediationHints).toEqual([
      'Ask for human approval before: "Deployed to production without approval.".',
      'Ask for human approval before: "Truncated the audit log.".',
    ]);
  });

  it('passes an output with no risky step', async () => {
    expect(await runEvaluator(approvalRequired, { outputs: ['Summarized the logs.'] })).toMatchObject({
      score: 1,
    });
  });
});

describe('evaluators.security_veto_check', () => {
  const cleanPatch = makeOutput(
    '```python path=auth.py\ndef check(token):\n    return token == expected()\n```',
    {
      format: 'code',
      workerId: 'implementer',
    },
  );

  it('passes an approving review and clean code', async () => {
    const review = json(
      { verdict: 'approve', findings: [{ severity: 'low', title: 'Naming' }] },
      'security_reviewer',
    );
    expect(await runEvaluator(securityVetoCheck, { outputs: [review, cleanPatch] })).toMatchObject({
      score: 1,
      passed: true,
    });
  });

  it('vetoes a review that rejects or reports a severe finding', async () => {
    const review = json(
      { decision: 'changes_requested', findings: [{ severity: 'HIGH', title: 'Token written to logs' }] },
      'security_reviewer',
    );
    const verdict = await runEvaluator(securityVetoCheck, { outputs: [review, cleanPatch] });
    expect(verdict).toMatchObject({ score: 0, failureCodes: ['security_rejected'] });
    expect(verdict.remediationHints).toEqual([
      'security_reviewer: resolve the objection (high finding: Token written to logs).',
      'security_reviewer: resolve the objection (the review says decision: changes_requested).',
    ]);
  });

  it('vetoes secrets and dangerous calls in code, without repeating the secret', async () => {
    const key = 'AKIA' + 'ABCDEFGHIJKLMNOP';
    const patch = makeOutput(
      `\`\`\`python path=deploy.py\nimport os\nAWS_KEY = "${key}"\nos.system("deploy " + target)\n\`\`\``,
      { format: 'code', workerId: 'implementer' },
    );
    const verdict = await runEvaluator(securityVetoCheck, { outputs: [patch] });
    expect(verdict.failureCodes).toEqual(['dangerous_code', 'secret_in_code']);
    expect(verdict.remediationHints).toEqual([
      'implementer: remove an AWS access key from deploy.py line 2; read it from configuration instead.',
      'implementer: avoid os.system() shell command in deploy.py line 3.',
    ]);
    expect(JSON.stringify(verdict)).not.toContain(key);
  });

  it('looks only at added lines of a diff', async () => {
    const diff =
      '```diff\n--- a/x.py\n+++ b/x.py\n@@ -1,2 +1,2 @@\n-result = eval(text)\n+result = ast.literal_eval(text)\n```';
    expect(
      (await runEvaluator(securityVetoCheck, { outputs: [makeOutput(diff, { format: 'code' })] })).passed,
    ).toBe(true);
  });
});
