import type { RegisterOptions } from '../registry/registry.js';
import { classicControlRegistrations } from './classic-control/classic-control-registrations.js';
import { textRegistrations } from './text/text-registrations.js';
import { toyTextRegistrations } from './toy-text/toy-text-registrations.js';

/** Every environment LoopGym registers by default. */
export const builtinRegistrations: readonly RegisterOptions[] = [
  ...classicControlRegistrations,
  ...toyTextRegistrations,
  ...textRegistrations,
];
