// Every loop backend of this package runs the shared contract suite.
import { createSimBackend } from '../backends/sim/sim-backend.js';
import { ScriptedLanguageModel } from '../testing/scripted-language-model.js';
import { loopBackendContract } from './loop-backend.case.js';

loopBackendContract('sim', { create: () => createSimBackend(), deterministic: true });

// A backend whose every model answers from a fixed script: workers write, judges give full marks.
loopBackendContract('scripted', {
  create: () => {
    const model = new ScriptedLanguageModel(({ options }) =>
      options.purpose?.kind === 'judge'
        ? JSON.stringify({ scores: { coverage: 0.9, evidence: 0.9 } })
        : options.responseFormat?.type === 'json'
          ? '{"claims": []}'
          : 'A brief [S1].',
    );
    return { name: 'scripted', model: () => model };
  },
  deterministic: true,
});
