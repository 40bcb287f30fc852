import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    // Property tests use a fixed seed (FAST_CHECK_SEED overrides it): see src/testing/__fixtures__/seed-property-tests.ts.
    setupFiles: ['src/testing/__fixtures__/seed-property-tests.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report feeds the "N passed, N failed" line of .ci/run.
    reporters: ['default', 'json'],
    outputFile: { json: '.vitest-report.json' },
  },
});
