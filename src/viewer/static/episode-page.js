// One episode: the loop's iterations event by event, or the environment's steps with what the model was sent.
import { lineChart } from './charts.js';
import { api, card, dollars, el, number, table, textBlock } from './dom.js';

/** Renders episode `index` of run `id` into `root`. */
export async function renderEpisodePage(root, id, index) {
  const detail = await api(`/api/runs/${encodeURIComponent(id)}/episodes/${encodeURIComponent(index)}`);
  const { run, episode, steps, modelCalls, events } = detail;
  const body = events.length > 0 ? loopTimeline(events) : stepsView(steps, modelCalls);
  root.replaceChildren(
    el(
      'h1',
      {},
      el('a', { href: `#/runs/${run.id}` }, `Run ${run.id.slice(0, 8)}`),
      ` · episode ${episode.index}`,
    ),
    el(
      'div',
      { class: 'cards' },
      card('Environment', run.envId),
      card('Seed', episode.seed ?? '-'),
      card('Task', episode.taskId ?? '-'),
      card('Return', number(episode.return)),
      card('Steps', episode.length),
      card('End', episode.terminationReason ?? '-'),
      card('Tokens', `${episode.usage.inputTokens} in, ${episode.usage.outputTokens} out`),
      card('Cost', dollars(episode.costUsd)),
    ),
    episode.error === null ? null : el('p', { class: 'error' }, `Error: ${episode.error}`),
    body,
  );
}

function stepsView(steps, modelCalls) {
  const callsByStep = new Map();
  for (const call of modelCalls) {
    const key = call.step ?? -1;
    if (!callsByStep.has(key)) callsByStep.set(key, []);
    callsByStep.get(key).push(call);
  }
  let total = 0;
  const cumulative = steps.map((step) => (total += step.reward));
  return el(
    'section',
    {},
    el('h2', {}, 'Rewards'),
    el(
      'div',
      { class: 'charts' },
      lineChart(
        'Reward by step',
        steps.map((step) => step.index),
        [
          { label: 'reward', values: steps.map((step) => step.reward) },
          { label: 'return so far', values: cumulative },
        ],
        { xLabel: 'step' },
      ),
    ),
    el('h2', {}, 'Steps'),
    table(
      [
        { label: 'Step', value: (step) => step.index },
        { label: 'Action', value: (step) => el('code', {}, JSON.stringify(step.action)) },
        { label: 'Reward', number: true, value: (step) => number(step.reward) },
        {
          label: 'Flags',
          value: (step) =>
            [step.terminated ? 'terminated' : '', step.truncated ? 'truncated' : ''].join(' ').trim(),
        },
        {
          label: 'Observation',
          value: (step) => [textBlock(step.observation ?? ''), renderOf(step.info)],
        },
        {
          label: 'Model',
          value: (step) =>
            (callsByStep.get(step.index) ?? []).map((call) =>
              el(
                'div',
                { class: 'event worker' },
                el(
                  'div',
                  { class: 'head' },
                  `${call.modelId} · ${call.usage.inputTokens}+${call.usage.outputTokens} tokens`,
                ),
                el(
                  'details',
                  {},
                  el('summary', {}, 'Prompt'),
                  call.messages.map((message) => [
                    el('div', { class: 'muted' }, message.role),
                    textBlock(message.content),
                  ]),
                ),
                textBlock(call.response ?? ''),
                call.error === null ? null : el('div', { class: 'error' }, call.error),
              ),
            ),
        },
      ],
      steps,
    ),
  );
}

function renderOf(info) {
  const render = info && typeof info === 'object' ? (info.render ?? info.ansi) : undefined;
  return typeof render === 'string'
    ? el('details', {}, el('summary', {}, 'Render'), textBlock(render))
    : null;
}

function loopTimeline(events) {
  const iterations = new Map();
  const outside = [];
  for (const event of events) {
    if (event.iteration === undefined || event.iteration === 0) outside.push(event);
    else {
      if (!iterations.has(event.iteration)) iterations.set(event.iteration, []);
      iterations.get(event.iteration).push(event);
    }
  }
  const numbers = [...iterations.keys()];
  const metric = numbers.map(
    (n) => iterations.get(n).findLast((event) => event.type === 'metric-values')?.primary ?? null,
  );
  const cost = numbers.map(
    (n) => iterations.get(n).findLast((event) => event.type === 'cost')?.cumulativeUsd ?? null,
  );
  const start = outside.find((event) => event.type === 'episode-start');
  const end = outside.find((event) => event.type === 'episode-end');
  return el(
    'section',
    {},
    el(
      'p',
      { class: 'muted' },
      start
        ? `Loop ${start.loopName} ${start.loopVersion}, backend ${start.backend}, primary metric ${start.primaryMetric}, at most ${start.maxIterations} iterations. `
        : '',
      end ? `Ended: ${end.reason} (${end.outcome}) after ${end.iterations} iterations.` : 'Not finished.',
    ),
    el(
      'div',
      { class: 'charts' },
      lineChart('Primary metric by iteration', numbers, [{ label: 'primary', values: metric }], {
        xLabel: 'iteration',
        points: true,
      }),
      lineChart('Cost so far (USD)', numbers, [{ label: 'cumulative cost', values: cost }], {
        xLabel: 'iteration',
        points: true,
      }),
    ),
    el('h2', {}, 'Timeline'),
    numbers.map((n) => iterationView(n, iterations.get(n))),
  );
}

function iterationView(n, events) {
  const stepEnd = events.find((event) => event.type === 'step-end');
  return el(
    'div',
    { class: 'iteration', dataset: { iteration: n } },
    el(
      'h3',
      {},
      `Iteration ${n}`,
      stepEnd
        ? el(
            'span',
            { class: 'muted' },
            ` · t=${number(stepEnd.time, 2)} s · reward ${number(stepEnd.reward)}${stepEnd.reason ? ` · ${stepEnd.reason}` : ''}`,
          )
        : null,
    ),
    events.map(eventView),
  );
}

function eventView(event) {
  switch (event.type) {
    case 'worker-call':
      return el(
        'div',
        { class: 'event worker' },
        el('div', { class: 'head' }, `${event.workerId} asks ${event.modelId} (attempt ${event.attempt})`),
        el(
          'details',
          {},
          el('summary', {}, `Prompt (${event.messages.length} messages)`),
          event.messages.map((message) => [
            el('div', { class: 'muted' }, message.role),
            textBlock(message.content),
          ]),
        ),
      );
    case 'model-response':
      return el(
        'div',
        { class: `event ${event.callerKind === 'judge' ? 'evaluator' : 'worker'}` },
        el(
          'div',
          { class: 'head' },
          `${event.modelId} answered ${event.callerId}: ${event.usage.inputTokens}+${event.usage.outputTokens} tokens, ${dollars(event.costUsd)}, ${number(event.latencySeconds, 2)} s`,
        ),
        el('details', {}, el('summary', {}, 'Answer'), textBlock(event.text)),
      );
    case 'worker-output':
      return el(
        'div',
        { class: 'event worker', dataset: { output: event.workerId } },
        el('div', { class: 'head' }, `${event.workerId} output (${event.format}, from the ${event.source})`),
        textBlock(event.raw),
      );
    case 'worker-error':
      return el(
        'div',
        { class: 'event worker error' },
        `${event.workerId} failed (${event.code}): ${event.message}${event.willRetry ? ' — retrying' : ''}`,
      );
    case 'tool-call':
      return el(
        'div',
        { class: 'event tool' },
        el('div', { class: 'head' }, `${event.workerId} called ${event.name}: ${event.outcome}`),
        textBlock(JSON.stringify(event.arguments, null, 2)),
        textBlock(event.result),
      );
    case 'evaluator-score':
      return el(
        'div',
        { class: 'event evaluator' },
        el(
          'div',
          { class: 'head' },
          `${event.evaluatorId} (${event.evaluatorType}): ${number(event.score)} `,
          el('span', { class: event.passed ? 'good' : 'error' }, event.passed ? 'passed' : 'failed'),
        ),
        event.summary ? textBlock(event.summary) : null,
        event.failureCodes.length > 0
          ? el('div', { class: 'muted' }, `Failures: ${event.failureCodes.join(', ')}`)
          : null,
        event.remediationHints.length > 0
          ? el('div', { class: 'muted' }, `Hints: ${event.remediationHints.join(' · ')}`)
          : null,
      );
    case 'evaluator-error':
      return el(
        'div',
        { class: 'event evaluator error' },
        `${event.evaluatorId} could not score: ${event.message}`,
      );
    case 'safety-event':
      return el(
        'div',
        { class: 'event safety' },
        el(
          'div',
          { class: 'head error' },
          `Safety: ${event.constraintId} (${event.constraintType}) → ${event.outcome}`,
        ),
        event.findings.map((finding) => el('div', {}, finding)),
      );
    case 'human-decision':
      return el('div', { class: 'event' }, `Human ${event.gateId}: ${event.decision} — ${event.reason}`);
    case 'feedback':
      return event.sent
        ? el(
            'div',
            { class: 'event' },
            el('div', { class: 'head' }, `Feedback ${event.sourceId} → ${event.destination}`),
            textBlock(event.content),
          )
        : null;
    case 'cost':
      return el(
        'div',
        { class: 'event muted' },
        `Cost ${dollars(event.iterationUsd)} this iteration, ${dollars(event.cumulativeUsd)} so far, ${event.tokens} tokens${event.action ? ` — ${event.limit}: ${event.action}` : ''}`,
      );
    case 'metric-values':
      return el(
        'div',
        { class: 'event muted' },
        `Metrics: ${Object.entries(event.values)
          .map(([name, value]) => `${name} ${number(value)}`)
          .join(', ')}`,
      );
    case 'optimization':
      return event.action === 'none'
        ? null
        : el(
            'div',
            { class: 'event muted' },
            `Optimizer ${event.strategy}: ${event.action} ${event.target ?? ''} ${event.detail}`,
          );
    case 'memory-write':
      return el('div', { class: 'event muted' }, `Memory ${event.key} by ${event.writer}: ${event.outcome}`);
    default:
      return null;
  }
}
