import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'forms',
    // Projects run one after another: two cores are shared by all of them.
    sequence: { groupOrder: 0 },
    include: ['src/**/*.test.ts'],
  },
});
