// The alerting rules an operator loads into Prometheus (deploy/alerts.yml, docs/operations.md):
// valid for Prometheus's own checker, each alert proven by a unit test of promtool
// (deploy/alerts.test.yml), and reading only metrics a node gives at /metrics — an alert on a
// misspelt metric would never fire.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp, type TestApp } from './harness.ts';
import { installedTool } from './installed-tool.ts';

const DEPLOY = fileURLToPath(new URL('../../../deploy/', import.meta.url));
const RULES = join(DEPLOY, 'alerts.yml');
const TESTS = join(DEPLOY, 'alerts.test.yml');

const promtool = (): string =>
  installedTool('promtool', { what: 'Prometheus', debian: 'prometheus', brew: 'prometheus' });

interface Rules {
  groups: { rules: { alert: string; expr: string }[] }[];
}
interface RuleTests {
  tests: { alert_rule_test: { alertname: string }[] }[];
}

const rules = (load(readFileSync(RULES, 'utf8')) as Rules).groups.flatMap((g) => g.rules);

/** The metrics an expression reads: every name followed by its selector's braces. */
const metricsRead = (expr: string): string[] =>
  [...expr.matchAll(/([a-zA-Z_:][a-zA-Z0-9_:]*)\{/g)].map((match) => match[1] ?? '');

let t: TestApp;
beforeAll(async () => {
  // With SMTP, the node runs its job queue and gives the queues' depth.
  t = await testApp({ SMTP_URL: 'smtp://127.0.0.1:9' });
});
afterAll(() => t.close());

describe('the alerting rules', () => {
  it('pass Prometheus’s checker and their unit tests', () => {
    expect(execFileSync(promtool(), ['check', 'rules', RULES]).toString()).toContain(
      `SUCCESS: ${String(rules.length)} rules found`,
    );
    expect(execFileSync(promtool(), ['test', 'rules', TESTS]).toString()).toContain('SUCCESS');
  });

  it('each have a unit test', () => {
    const tested = new Set(
      (load(readFileSync(TESTS, 'utf8')) as RuleTests).tests.flatMap((test) =>
        test.alert_rule_test.map((check) => check.alertname),
      ),
    );
    expect(rules.map((rule) => rule.alert).filter((alert) => !tested.has(alert))).toEqual([]);
  });

  it('read only the metrics a node gives (and Prometheus’s own `up`)', async () => {
    const exposition = String((await t.client().request('GET', '/metrics')).body);
    const given = new Set(
      [...exposition.matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name = '', type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_count`, `${name}_sum`] : [name],
      ),
    );
    given.add('up');
    const read = rules.flatMap((rule) => metricsRead(rule.expr));
    expect(read.length).toBeGreaterThanOrEqual(rules.length);
    expect(read.filter((name) => !given.has(name))).toEqual([]);
  });
});
