import { defineConfig } from 'vitest/config';

/**
 * What the mutation run (`npm run mutate`) executes for each mutant: the engine's tests and the
 * server's unit tests of its pure money code (no database).
 */
export default defineConfig({
  test: {
    include: ['packages/rules/src/**/*.test.ts', 'apps/server/src/**/*.test.ts'],
  },
});
