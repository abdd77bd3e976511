// Starts the real application (server + built web app) on a free port with a database of its own.
import type { AddressInfo } from 'node:net';
import { buildApp, WEB_DIST } from '../../apps/server/src/app.ts';
import { existsSync } from 'node:fs';
import { ownPacks, testConfig, testDatabase } from '../../apps/server/test/harness.ts';
import type { Config } from '../../apps/server/src/config.ts';
import type { Database } from '../../apps/server/src/db/database.ts';

export interface RunningApp {
  readonly url: string;
  readonly config: Config;
  readonly db: Database;
  readonly close: () => Promise<void>;
}

/**
 * `hostname`: the name the browser uses (passkeys need a domain name such as localhost, never an
 * IP address); the server listens on the loopback either way.
 */
export async function startApp({
  hostname = '127.0.0.1',
  env = {},
}: { hostname?: string; env?: Record<string, string> } = {}): Promise<RunningApp> {
  if (!existsSync(WEB_DIST))
    throw new Error('The web app is not built: run `npm run build` (npm test does it).');
  const db = await testDatabase();
  const packs = ownPacks();
  // The port is known only once listening; mail links need it, so the app is built after a first bind.
  const probe = await buildApp({ config: testConfig(env), db, packs });
  await probe.listen({ port: 0, host: '127.0.0.1' });
  const { port } = probe.server.address() as AddressInfo;
  await probe.close();
  const url = `http://${hostname}:${port}`;
  const config = testConfig({ ...env, PUBLIC_URL: url });
  const app = await buildApp({ config, db, packs });
  await app.listen({ port, host: '127.0.0.1' });
  return {
    url,
    config,
    db,
    close: async () => {
      await app.close();
      await db.close();
    },
  };
}
