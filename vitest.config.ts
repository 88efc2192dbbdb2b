import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // CLI tests run the built bin; globalSetup builds it once so tests never see a stale dist/.
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
  },
});
