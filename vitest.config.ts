import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The files share one process and its modules, imported once (130 s of imports a run when
    // each file had its own): tests hold no state in modules, and each app gets its own packs
    // registry (harness's `ownPacks`).
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'packages/**/src/**/*.test.ts',
            'apps/server/test/**/*.test.ts',
            'apps/server/src/**/*.test.ts',
            'apps/web/src/**/*.test.ts',
          ],
        },
      },
      {
        // The browser stories: one chromium for the whole run, launched only when they run.
        extends: true,
        test: {
          name: 'browser',
          include: ['e2e/**/*.e2e.test.ts'],
          globalSetup: ['e2e/support/shared-browser.ts'],
        },
      },
    ],
  },
});
