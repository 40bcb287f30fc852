// Importing this module registers the `sim` provider: `createModel('sim:gpt-4.1-mini')` is a simulated model.
import { registerProvider } from '../models/provider-registry.js';
import { SimLanguageModel } from './sim/sim-language-model.js';

registerProvider('sim', (modelName) => new SimLanguageModel(modelName));
