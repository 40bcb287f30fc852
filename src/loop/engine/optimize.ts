// The optimization strategy between iterations: refine prompts, write lessons, search parameters, or ask a person.
import type { HumanGate } from '../human-gate.js';
import type { EpisodeState, IterationRecord, PendingFeedback } from './episode-state.js';

/** At most this many refinement notes are kept in a worker's instructions (the oldest are dropped). */
const MAX_REFINEMENT_NOTES = 6;

/**
 * Runs the loop's optimization strategy after an iteration's feedback was routed:
 * - first the rollback policy: when the primary metric fell by more than `rollback.on_metric_drop` since the previous
 *   iteration (or, with `on_safety_failure`, a safety event happened), refined workers get their previous
 *   instructions back;
 * - then, when feedback reached the optimizer and fewer than `max_steps` steps were taken:
 *   `prompt_refinement` adds the feedback's hints to the target workers' instructions (keeping
 *   `preserve_sections`); `memory_update` writes them to memory as `lessons` (if the optimizer may write);
 *   `parameter_search` moves the target to the next point of `search_space`; `manual` and `structural` ask the human
 *   gate and refine only when approved. `human_gate_on` (e.g. `{risk_tier: high, after_step: 5}`) makes any step
 *   after that many wait for approval when the task's inputs match.
 *
 * @example
 * ```ts
 * await optimize(state, record, humanGate);
 * state.instructions.get('writer'); // the role plus "Refinements: …"
 * ```
 */
export async function optimize(
  state: EpisodeState,
  record: IterationRecord,
  humanGate: HumanGate,
): Promise<void> {
  const plan = state.program.optimization;
  const previous = state.history.at(-1);
  const dropped =
    plan.rollback.onMetricDrop !== undefined &&
    previous?.primary !== null &&
    previous?.primary !== undefined &&
    record.primary !== null &&
    previous.primary - record.primary > plan.rollback.onMetricDrop;
  if (dropped || (plan.rollback.onSafetyFailure && record.safetyEvents > 0))
    rollback(state, dropped ? 'metric drop' : 'safety event');

  const inbox = state.optimizerInbox;
  if (inbox.length === 0) return;
  state.optimizerInbox = [];
  const emit = (
    action: 'refine' | 'memory-write' | 'parameter' | 'pause' | 'none',
    target: string | undefined,
    detail: string,
  ): void => {
    state.emit({
      type: 'optimization',
      iteration: state.iteration,
      strategy: plan.type,
      action,
      target,
      detail,
    });
  };
  if (state.optimizerSteps >= plan.maxSteps) {
    emit('none', undefined, `The optimizer has taken its ${plan.maxSteps} steps.`);
    return;
  }
  const targets = [
    plan.refinementTarget ?? state.program.workers.at(-1)?.id,
    ...plan.secondaryTargets,
  ].filter((id): id is string => id !== undefined);
  const hints = collectHints(inbox);
  if (gated(state) || plan.type === 'manual' || plan.type === 'structural') {
    const decision = await humanGate.review(
      {
        gateId: `optimizer.${plan.type}`,
        kind: 'optimizer',
        iteration: state.iteration,
        subject: `Proposed change to ${targets.join(', ')}:\n${hints.map((hint) => `- ${hint}`).join('\n')}`,
        instructions: 'Approve to apply the change before the next iteration.',
        timeoutSeconds: 3600,
      },
      state.signal,
    );
    state.emit({
      type: 'human-decision',
      iteration: state.iteration,
      gateId: `optimizer.${plan.type}`,
      decision: decision.decision,
      reason: decision.reason,
      waitedSeconds: decision.waitedSeconds,
    });
    if (decision.decision !== 'approve') {
      emit('pause', targets[0], `Not applied: ${decision.decision}.`);
      return;
    }
  }
  state.optimizerSteps++;
  switch (plan.type) {
    case 'prompt_refinement':
    case 'manual':
    case 'structural':
      for (const target of targets) refine(state, target, hints);
      emit('refine', targets.join(', '), hints.join(' | ') || 'no hints');
      return;
    case 'memory_update': {
      const key = typeof plan.config.memory_key === 'string' ? plan.config.memory_key : 'lessons';
      const earlier = state.memory.read(key, 'optimizer');
      const lessons = [
        ...(earlier.status === 'ok' && Array.isArray(earlier.entry.value)
          ? (earlier.entry.value as unknown[])
          : []),
        ...hints,
      ];
      const outcome = state.memory.write(key, lessons.slice(-20), 'optimizer', state.iteration, state.time);
      state.emit({ type: 'memory-write', iteration: state.iteration, key, writer: 'optimizer', outcome });
      emit('memory-write', key, `${hints.length} lesson(s) ${outcome}.`);
      return;
    }
    case 'parameter_search': {
      const point = searchPoint(plan.searchSpace ?? {}, state.optimizerSteps);
      for (const target of targets) state.parameters.set(target, point);
      emit('parameter', targets.join(', '), JSON.stringify(point));
      return;
    }
  }
}

function gated(state: EpisodeState): boolean {
  const on = state.program.optimization.humanGateOn;
  if (on === undefined) return false;
  const afterStep = typeof on.after_step === 'number' ? on.after_step : 0;
  if (state.optimizerSteps < afterStep) return false;
  return Object.entries(on)
    .filter(([key]) => key !== 'after_step')
    .every(([key, value]) => state.inputs[key] === value);
}

function collectHints(inbox: readonly PendingFeedback[]): string[] {
  const hints = new Set<string>();
  for (const item of inbox) {
    const listed = [
      ...((item.data.remediation_hints as string[] | undefined) ?? []),
      ...((item.data.failure_codes as string[] | undefined) ?? []).map(
        (code) => `avoid ${code.replaceAll('_', ' ')}`,
      ),
    ];
    for (const hint of listed.length > 0 ? listed : [item.content])
      if (hint.trim() !== '') hints.add(hint.trim());
  }
  return [...hints];
}

function refine(state: EpisodeState, workerId: string, hints: readonly string[]): void {
  const worker = state.program.workers.find((w) => w.id === workerId);
  if (worker === undefined || hints.length === 0) return;
  const current = state.instructions.get(workerId) ?? worker.role;
  const history = state.instructionHistory.get(workerId) ?? [];
  history.push(current);
  state.instructionHistory.set(workerId, history);
  const notes = [...new Set([...refinementNotes(current), ...hints])].slice(-MAX_REFINEMENT_NOTES);
  const preserve = state.program.optimization.preserveSections;
  state.instructions.set(
    workerId,
    [
      worker.role,
      `Refinements:\n${notes.map((note) => `- ${note}`).join('\n')}`,
      ...(preserve.length === 0 ? [] : [`Keep these sections unchanged: ${preserve.join(', ')}.`]),
    ].join('\n\n'),
  );
}

function refinementNotes(instructions: string): string[] {
  const block = /Refinements:\n((?:- .*\n?)*)/.exec(instructions)?.[1] ?? '';
  return block
    .split('\n')
    .filter((line) => line.startsWith('- '))
    .map((line) => line.slice(2));
}

function rollback(state: EpisodeState, why: string): void {
  for (const [workerId, history] of state.instructionHistory) {
    const restored = history.pop();
    if (restored === undefined) continue;
    state.instructions.set(workerId, restored);
    state.emit({
      type: 'optimization',
      iteration: state.iteration,
      strategy: state.program.optimization.type,
      action: 'rollback',
      target: workerId,
      detail: `Restored the previous instructions after a ${why}.`,
    });
  }
}

/** The `step`-th point of a grid over the search space (`{temperature: [0.2, 0.7]}`), walked in a fixed order. */
function searchPoint(space: Readonly<Record<string, unknown>>, step: number): Record<string, number> {
  const point: Record<string, number> = {};
  let index = step - 1;
  for (const [name, values] of Object.entries(space).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const options = Array.isArray(values) ? values.filter((v): v is number => typeof v === 'number') : [];
    if (options.length === 0) continue;
    point[name] = options[index % options.length]!;
    index = Math.floor(index / options.length);
  }
  return point;
}
