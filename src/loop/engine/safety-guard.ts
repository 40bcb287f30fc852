// Applies the spec's safety constraints at each scope: detectors find, the constraint's action decides.
import type { LoopProgram, SafetyConstraintProgram } from '../../lss/compile/loop-program.js';
import type { SafetyConstraintType, SafetyScope } from '../../lss/loop-spec.js';
import type { HumanGate } from '../human-gate.js';
import { stripSpans } from '../safety/redaction.js';
import type { SafetyDetector, SafetyFinding, ToolCallUnderCheck } from '../safety/safety-detector.js';
import type { EpisodeState, IterationRecord } from './episode-state.js';

/** The outcome of a check no constraint applies to: the subject passes as it is. */
export const UNCHECKED_PASS: SafetyOutcome = Object.freeze({ verdict: 'pass', text: undefined });

const NO_CONSTRAINTS: readonly SafetyConstraintProgram[] = Object.freeze([]);

const constraintsFound = new WeakMap<
  LoopProgram['safety'],
  Map<string, readonly SafetyConstraintProgram[]>
>();

/** Finds the detector of a constraint type (the safety detector registry). */
export interface SafetyDetectorLookup {
  get(type: SafetyConstraintType): SafetyDetector | undefined;
}

/** What is checked: the text and/or tool call or memory write of one worker at one scope. */
export interface SafetySubject {
  workerId: string | undefined;
  text?: string | undefined;
  toolCall?: ToolCallUnderCheck | undefined;
  memoryWrite?: { key: string; value: unknown } | undefined;
  allowedTools: readonly string[];
}

/** The verdict on a subject. `text` is the (possibly redacted) text to use from now on. */
export type SafetyOutcome =
  { verdict: 'pass'; text: string | undefined } | { verdict: 'block'; constraintId: string; halt: boolean };

/**
 * Runs the constraints of a scope that apply to a worker, in declaration order. `halt` stops the loop (a
 * `safety_violation`); `quarantine` drops what was checked (the output, the tool call, the memory write); `strip`
 * redacts the found spans (`[REDACTED:<label>]`) and goes on; `warn` records an event; `escalate_human` asks the
 * human gate (approved: go on; rejected or timed out: dropped, and recorded as a human rejection). A `human_gate`
 * constraint always asks the human gate, whatever its action: its finding is a request for approval, and a
 * rejection drops what was checked and is recorded as a human rejection (the loop's `human_rejected` rule decides). A detector that
 * fails applies the constraint's `on_error`. Every finding is a `safety-event`.
 *
 * @example
 * ```ts
 * const outcome = await guard.inspect('post_worker', { workerId: 'writer', text: output, allowedTools: [] }, record);
 * if (outcome.verdict === 'block') …;
 * ```
 */
export class SafetyGuard {
  private readonly state: EpisodeState;
  private readonly detectors: SafetyDetectorLookup;
  private readonly humanGate: HumanGate;

  constructor(state: EpisodeState, detectors: SafetyDetectorLookup, humanGate: HumanGate) {
    this.state = state;
    this.detectors = detectors;
    this.humanGate = humanGate;
  }

  /** The constraints of a scope that apply to a worker (all of the scope's constraints when `workerId` is undefined). */
  constraintsFor(scope: SafetyScope, workerId: string | undefined): readonly SafetyConstraintProgram[] {
    // Found once per program, scope and worker: compiled programs do not change.
    const safety = this.state.program.safety;
    if (safety.constraints.length === 0) return NO_CONSTRAINTS;
    let found = constraintsFound.get(safety);
    if (found === undefined) {
      found = new Map();
      constraintsFound.set(safety, found);
    }
    const key = workerId === undefined ? scope : `${scope}:${workerId}`;
    let constraints = found.get(key);
    if (constraints === undefined) {
      const ids = safety.byScope[scope];
      constraints = Object.freeze(
        safety.constraints.filter(
          (constraint) =>
            ids.includes(constraint.id) &&
            (workerId === undefined || constraint.appliesTo.includes(workerId)),
        ),
      );
      found.set(key, constraints);
    }
    return constraints;
  }

  /** Whether any constraint of a scope applies to a worker: when none does, `inspect` passes the subject as it is. */
  applies(scope: SafetyScope, workerId: string | undefined): boolean {
    return this.constraintsFor(scope, workerId).length > 0;
  }

  async inspect(scope: SafetyScope, subject: SafetySubject, record: IterationRecord): Promise<SafetyOutcome> {
    let text = subject.text;
    for (const constraint of this.constraintsFor(scope, subject.workerId)) {
      let findings: readonly SafetyFinding[];
      try {
        const detector = this.detectors.get(constraint.type);
        if (detector === undefined) throw new Error(`no detector is registered for \`${constraint.type}\``);
        findings = detector.inspect({
          constraint,
          scope,
          workerId: subject.workerId,
          text,
          toolCall: subject.toolCall,
          memoryWrite: subject.memoryWrite,
          allowedTools: subject.allowedTools,
          run: {
            runId: this.state.episodeId,
            iteration: this.state.iteration,
            elapsedSeconds: this.state.time,
            inputs: this.state.inputs,
          },
          callLog: this.state.callLog,
        });
      } catch (error) {
        const message = `The ${constraint.type} check failed: ${error instanceof Error ? error.message : String(error)}.`;
        const outcome = this.onError(constraint, scope, subject.workerId, message, record);
        if (outcome !== undefined) return outcome;
        continue;
      }
      if (findings.length === 0) continue;
      record.safetyEvents++;
      const messages = findings.map((finding) => finding.message);
      const event = (
        outcome: 'halted' | 'quarantined' | 'stripped' | 'warned' | 'approved' | 'rejected',
      ): void => {
        this.state.emit({
          type: 'safety-event',
          iteration: this.state.iteration,
          constraintId: constraint.id,
          constraintType: constraint.type,
          scope,
          workerId: subject.workerId,
          action: constraint.action,
          findings: messages,
          outcome,
        });
      };
      // A human gate's finding is a request for approval: the person decides, whatever the action.
      if (constraint.type === 'human_gate' && constraint.action !== 'escalate_human') {
        if (await this.askPerson(constraint, [text ?? '', ...messages].join('\n'))) {
          event('approved');
          continue;
        }
        event('rejected');
        record.humanRejections.push(constraint.id);
        return { verdict: 'block', constraintId: constraint.id, halt: false };
      }
      switch (constraint.action) {
        case 'halt':
          event('halted');
          record.safetyHalts.push(constraint.id);
          return { verdict: 'block', constraintId: constraint.id, halt: true };
        case 'quarantine':
          event('quarantined');
          return { verdict: 'block', constraintId: constraint.id, halt: false };
        case 'strip':
          event('stripped');
          // A tool call or a memory write has no text to redact: it is dropped instead.
          if (text === undefined) return { verdict: 'block', constraintId: constraint.id, halt: false };
          text = stripSpans(
            text,
            findings.flatMap((finding) => finding.spans),
          );
          break;
        case 'warn':
          event('warned');
          break;
        case 'escalate_human':
          if (await this.askPerson(constraint, [text ?? '', ...messages].join('\n'))) {
            event('approved');
            break;
          }
          event('rejected');
          record.humanRejections.push(constraint.id);
          return { verdict: 'block', constraintId: constraint.id, halt: false };
      }
    }
    return { verdict: 'pass', text };
  }

  /** Asks the human gate about a constraint's finding; records the decision; `true` when approved. */
  private async askPerson(constraint: SafetyConstraintProgram, subject: string): Promise<boolean> {
    const decision = await this.humanGate.review(
      {
        gateId: constraint.id,
        kind: 'safety',
        iteration: this.state.iteration,
        subject,
        instructions: constraint.rule ?? `Safety check ${constraint.id} (${constraint.type}) flagged this.`,
        timeoutSeconds: Number(constraint.config.sla_hours ?? 4) * 3600,
      },
      this.state.signal,
    );
    this.state.emit({
      type: 'human-decision',
      iteration: this.state.iteration,
      gateId: constraint.id,
      decision: decision.decision,
      reason: decision.reason,
      waitedSeconds: decision.waitedSeconds,
    });
    return decision.decision === 'approve';
  }

  private onError(
    constraint: SafetyConstraintProgram,
    scope: SafetyScope,
    workerId: string | undefined,
    message: string,
    record: IterationRecord,
  ): SafetyOutcome | undefined {
    record.safetyEvents++;
    this.state.emit({
      type: 'safety-event',
      iteration: this.state.iteration,
      constraintId: constraint.id,
      constraintType: constraint.type,
      scope,
      workerId,
      action: constraint.action,
      findings: [message],
      outcome: 'detector-error',
    });
    if (constraint.onError === 'warn') return undefined;
    if (constraint.onError === 'halt') record.safetyHalts.push(constraint.id);
    return { verdict: 'block', constraintId: constraint.id, halt: constraint.onError === 'halt' };
  }
}
