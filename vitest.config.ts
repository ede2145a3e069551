import { defineConfig } from 'vitest/config';

// CHARTROOM_TEST_REPORT=<file> adds a JSON report (used by .ci/run to print "N passed, N failed").
const report = process.env.CHARTROOM_TEST_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    reporters: report ? ['default', ['json', { outputFile: report }]] : ['default'],
  },
});
