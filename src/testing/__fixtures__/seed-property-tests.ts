// Vitest setup: property tests draw from one fixed seed, so a test run is the same on every machine and every run.
// To explore more cases locally, run with FAST_CHECK_SEED=<n> (a failure prints its seed and path to replay).
import fc from 'fast-check';

const fromEnvironment = Number(process.env.FAST_CHECK_SEED);
fc.configureGlobal({ seed: Number.isInteger(fromEnvironment) ? fromEnvironment : 20261123 });
