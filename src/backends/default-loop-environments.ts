// Importing this module registers the loop environments in the default registry (the package entry and the CLI do).
import { defaultRegistry } from '../registry/default-registry.js';
import { registerLoopEnvironments } from './loop-env-registrations.js';
import { replayEnvRegistrations } from './replay/replay-registrations.js';
import './default-providers.js';

registerLoopEnvironments(defaultRegistry);
for (const registration of replayEnvRegistrations) {
  if (!defaultRegistry.has(registration.id)) defaultRegistry.register(registration);
}
