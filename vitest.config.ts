import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['renderer/src/testing/setup.ts'],
    // Generous: CI runs many files at once on two cores, where a test of the background check took
    // 9 s (of a 20 s limit) beside two busy loops. A test that hangs still fails; none asserts a time.
    testTimeout: 60_000,
  },
});
