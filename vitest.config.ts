import { defineConfig } from 'vitest/config';

// `npm test` runs every workspace's tests in one run with one summary.
export default defineConfig({
  test: {
    projects: ['packages/forms', 'server', 'web', 'e2e'],
  },
});
