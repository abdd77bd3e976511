import { defineConfig } from 'vitest/config';

/** The engine's tests alone: what the mutation run (`npm run mutate`) executes for each mutant. */
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    root: new URL('.', import.meta.url).pathname,
  },
});
