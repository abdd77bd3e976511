// Mutation testing of the barème engine (issue 12): `npm run mutate`, or
// `npm run mutate -- --since main` for what a branch changed. The score per file is recorded in
// docs/mutation-testing.md.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'packages/rules/src/**/*.ts',
    '!packages/rules/src/**/*.test.ts',
    '!packages/rules/src/test-fixtures.ts',
    // The command line's I/O: reading pack files and the process's entry point.
    '!packages/rules/src/node.ts',
    '!packages/rules/src/cli-main.ts',
    // The server's pure money code: working days, references, the payout file's amounts.
    'apps/server/src/modules/billing/working-days.ts',
    'apps/server/src/modules/billing/references.ts',
    'apps/server/src/modules/claims/pain-document.ts',
  ],
  coverageAnalysis: 'perTest',
  // Constants computed when a module loads would need every test per mutant: left out.
  ignoreStatic: true,
  // The sandbox copy drops the exec bit of bin/entraide-rules.js, which the CLI test runs: the
  // engine's files are mutated where they are (and restored at the end; never commit meanwhile).
  inPlace: true,
  disableTypeChecks:
    '{packages/rules/src,apps/server/src/modules/billing,apps/server/src/modules/claims}/**/*.ts',
  incremental: true,
  incrementalFile: 'packages/rules/mutation/stryker-incremental.json',
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: 'packages/rules/mutation/report.json' },
  thresholds: { high: 90, low: 80, break: null },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
};
