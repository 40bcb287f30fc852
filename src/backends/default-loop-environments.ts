// Importing this module registers the loop environments in the default registry (the package entry and the CLI do).
import { defaultRegistry } from '../registry/default-registry.js';
import { registerLoopEnvironments } from './loop-env-registrations.js';
import './default-providers.js';

registerLoopEnvironments(defaultRegistry);
