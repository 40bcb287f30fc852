// evaluators.security_veto_check: no security objection from reviewers, no secrets or dangerous calls in code.
import { z } from 'zod';
import { createVerdict } from '../create-verdict.js';
import { defineDeterministicEvaluator } from '../define-deterministic-evaluator.js';
import { findCodeRisks } from '../support/find-code-risks.js';
import { findReviewObjections } from '../support/find-review-objections.js';
import { readJsonOutput } from '../support/read-json-output.js';
import { codePieces } from '../test-runner/find-code-output.js';

/**
 * `evaluators.security_veto_check`, a veto meant for `aggregation: veto`: it looks at every judged output. JSON
 * outputs (a security review) are searched for objections: a rejecting verdict, `approved: false`, a blocking flag,
 * or a finding of a blocking severity (`blocking_severities`, default critical and high) → `security_rejected`.
 * Code (fenced blocks, `code` outputs, diffs: added lines only) is scanned for hard-coded secrets →
 * `secret_in_code`, and dangerous calls (eval, shell commands, unsafe deserialization, SQL built from strings, TLS
 * checks off, …) → `dangerous_code`. Any finding scores 0; none scores 1. Hints never repeat a secret.
 *
 * @example
 * ```ts
 * await securityVetoCheck.evaluate({ …context, outputs: [review, patch] }); // { score: 0, failureCodes: ['secret_in_code'], … }
 * ```
 */
export const securityVetoCheck = defineDeterministicEvaluator({
  name: 'evaluators.security_veto_check',
  description:
    'Vetoes on a security review that objects, or on code with hard-coded secrets or dangerous calls; otherwise 1.',
  parameters: z.object({
    blocking_severities: z
      .array(z.string().min(1))
      .default(['critical', 'high'])
      .describe('Finding severities that block.'),
    check_review: z.boolean().default(true).describe('Look for objections in JSON outputs.'),
    check_code: z.boolean().default(true).describe('Scan code for secrets and dangerous calls.'),
  }),
  evaluate: ({ outputs }, { blocking_severities, check_review, check_code }) => {
    const failureCodes: string[] = [];
    const hints: string[] = [];
    let findings = 0;
    for (const output of outputs) {
      if (check_review && (output.format === 'json' || output.value !== undefined)) {
        const reading = readJsonOutput(output);
        const objections = reading.ok ? findReviewObjections(reading.value, blocking_severities) : [];
        if (objections.length > 0) failureCodes.push('security_rejected');
        findings += objections.length;
        hints.push(
          ...objections.map((objection) => `${output.workerId}: resolve the objection (${objection}).`),
        );
      }
      if (!check_code) continue;
      for (const [index, piece] of codePieces(output).entries()) {
        const text = piece.kind === 'diff' ? piece.text : piece.content;
        const where = piece.kind === 'file' ? piece.path : `code block ${index + 1}`;
        for (const risk of findCodeRisks(text, piece.kind === 'diff')) {
          failureCodes.push(risk.code);
          findings += 1;
          hints.push(
            risk.code === 'secret_in_code'
              ? `${output.workerId}: remove ${risk.label} from ${where} line ${risk.line}; read it from configuration instead.`
              : `${output.workerId}: avoid ${risk.label} in ${where} line ${risk.line}.`,
          );
        }
      }
    }
    return createVerdict({
      score: findings === 0 ? 1 : 0,
      failureCodes,
      remediationHints: hints,
      summary:
        findings === 0 ? 'No security objection or risky code found.' : `${findings} security findings.`,
      details: { findings },
    });
  },
});
