// deploy/Caddyfile, the proxy compose.yaml puts in front of the nodes (docs/operations.md): Caddy
// accepts it, and the public never reads a node's /metrics through it, however it is spelt.
// Caddy runs it as compose does, on a plain-HTTP address of the loopback instead of the domain.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { poll } from './harness.ts';
import { installedTool } from './installed-tool.ts';

const CADDYFILE = fileURLToPath(new URL('../../../deploy/Caddyfile', import.meta.url));

const caddy = (): string =>
  installedTool('caddy', { what: 'Caddy', debian: 'caddy', brew: 'caddy' });

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });

let home: string;
let proxy: ChildProcess;
let address: string;
let env: NodeJS.ProcessEnv;
beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'entraide-caddy-'));
  address = `http://127.0.0.1:${String(await freePort())}`;
  // The project's file as it is, without Caddy's admin endpoint (a fixed port of the machine).
  const config = join(home, 'test.caddy');
  writeFileSync(config, `{\n\tadmin off\n}\nimport ${CADDYFILE}\n`);
  env = { ...process.env, HOME: home, XDG_CONFIG_HOME: home, XDG_DATA_HOME: home, DOMAIN: address };
  proxy = spawn(caddy(), ['run', '--config', config, '--adapter', 'caddyfile'], {
    env,
    stdio: 'ignore',
  });
  // Up to 10 s for Caddy to answer at all (any status).
  const answering = () =>
    fetch(`${address}/`).then(
      () => true,
      () => false,
    );
  if (!(await poll(answering, (up) => up, 1_000))) throw new Error('Caddy did not start');
});
afterAll(() => {
  proxy.kill();
  rmSync(home, { recursive: true, force: true });
});

describe('the proxy in front of the nodes', () => {
  it('is a configuration Caddy accepts', () => {
    expect(
      execFileSync(caddy(), ['validate', '--config', CADDYFILE, '--adapter', 'caddyfile'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }).toString(),
    ).toContain('Valid configuration');
  });

  it('answers 404 to /metrics however it is spelt, and passes the other pages on to the nodes', async () => {
    for (const path of ['/metrics', '/metrics/', '/METRICS', '/%6Detrics', '/metrics?format=json'])
      expect((await fetch(`${address}${path}`)).status, path).toBe(404);
    // No node answers here: a page passed on gets the proxy's 503, not its 404.
    expect((await fetch(`${address}/readyz`)).status).toBe(503);
  });
});
