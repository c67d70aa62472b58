import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer (`npm run build` first; `npm run test:e2e` does it), the real
// main-side services behind the browser host, and Debian's Chromium driven by playwright-core.
// Files run one after another: each starts its own host and browser, and Chromium is the slow part.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
