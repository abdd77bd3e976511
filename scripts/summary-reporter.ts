// Prints one plain closing line, "N passed, N failed, N skipped", that any CI reader understands,
// and writes test-results/summary.json with the counts of the browser suite (e2e/) apart, so that
// CI can fail when the browser tests did not run.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Reporter, TestModule } from 'vitest/node';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: readonly TestModule[]): void {
    const all: Counts = { passed: 0, failed: 0, skipped: 0 };
    const browser: Counts = { passed: 0, failed: 0, skipped: 0 };
    for (const testModule of testModules) {
      const inBrowserSuite = testModule.moduleId.includes('/e2e/');
      for (const test of testModule.children.allTests()) {
        const state = test.result().state;
        const key = state === 'passed' ? 'passed' : state === 'failed' ? 'failed' : 'skipped';
        all[key] += 1;
        if (inBrowserSuite) browser[key] += 1;
      }
    }
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/summary.json', `${JSON.stringify({ all, browser }, null, 2)}\n`);
    process.stdout.write(`\nbrowser tests: ${browser.passed} passed, ${browser.failed} failed\n`);
    process.stdout.write(
      `tests: ${all.passed} passed, ${all.failed} failed, ${all.skipped} skipped\n`,
    );
  }
}
