import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'forms',
    // Projects run one after another: two cores are shared by all of them.
    sequence: { groupOrder: 0 },
    // Runs beside the server's tests, so the same worker limit (vitest requires it within a group).
    maxWorkers: 2,
    include: ['src/**/*.test.ts'],
  },
});
