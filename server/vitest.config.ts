import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server',
    // Projects run one after another (server, web, browser): two cores are shared by all of them.
    sequence: { groupOrder: 0 },
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: more workers only make PGlite start-up contend.
    maxWorkers: 2,
  },
});
