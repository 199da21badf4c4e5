import { defineConfig } from 'vitest/config';

// Browser tests: one real server and one Chromium per file, files one after another (two cores).
export default defineConfig({
  test: {
    name: 'e2e',
    // Projects run one after another (server, web, browser): two cores are shared by all of them.
    sequence: { groupOrder: 2 },
    environment: 'node',
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'screenshots/**'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
