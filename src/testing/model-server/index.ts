// The local model server: OpenAI- and Anthropic-compatible endpoints answered by simulated models, with faults.
export { startModelServer, type ModelServer, type ModelServerOptions } from './start-model-server.js';
export type { ModelServerRequest } from './model-server-app.js';
export {
  modelServerFaultSchema,
  type ModelServerFault,
  type ModelServerFaultPath,
} from './model-server-fault.js';
export { ServerSimModel } from './server-sim-model.js';
export { exampleFromSchema } from './example-from-schema.js';
