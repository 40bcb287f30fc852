import type { RegisterOptions } from '../registry/registry.js';

/** Every environment LoopGym registers by default. */
export const builtinRegistrations: readonly RegisterOptions[] = [];
