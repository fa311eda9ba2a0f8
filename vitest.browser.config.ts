import { defineConfig } from 'vitest/config';

/** Real-browser tests: the built app in a real Chromium (software WebGL). One browser, files run one at a time. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    globalSetup: ['tests/browser/support/globalSetup.ts'],
  },
});
