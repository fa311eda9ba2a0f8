import { defineConfig } from 'vitest/config';

/** Real-browser tests: the built app in a real Chromium (software WebGL). One browser, files run one at a time. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    // A software GPU on a loaded 2-core machine can stall a page once in a long run; a test fails only if it
    // fails twice, and a retried test is named in the report.
    retry: 1,
    globalSetup: ['tests/browser/support/globalSetup.ts'],
  },
});
