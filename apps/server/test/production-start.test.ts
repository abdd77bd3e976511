// The production start: the compiled server (npm run build) run by Node alone, two nodes at once
// on one PostgreSQL — migrations applied once, both warmed up and ready, every line of their
// output JSON, both stopped gracefully.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { PRODUCTION_ENV } from './harness.ts';

const url = process.env.DATABASE_URL;
const compiled = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const schema = `prod_${randomBytes(6).toString('hex')}`;

/** A node: `node apps/server/dist/main.js`, resolved when it says it is ready. */
function startNode(
  port: number,
): Promise<{ child: ChildProcess; output: () => string; stdout: () => string }> {
  const child = spawn(process.execPath, [compiled], {
    env: {
      ...process.env,
      ...PRODUCTION_ENV,
      DATABASE_URL: `${url ?? ''}${url?.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
      PUBLIC_URL: `http://127.0.0.1:${String(port)}`,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
  });
  let output = '';
  let stdout = '';
  return new Promise((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(' prêt sur '))
        resolve({ child, output: () => output, stdout: () => stdout });
    };
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      read(chunk);
    });
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`exit ${String(code)}: ${output}`)));
  });
}

const nodes: ChildProcess[] = [];
afterAll(async () => {
  for (const child of nodes) child.kill('SIGKILL');
  if (!url) return;
  const admin = await openDatabase({ url });
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; DROP SCHEMA IF EXISTS pgboss CASCADE`);
  await admin.close();
});

describe.skipIf(!url)('the compiled server in production', () => {
  it('starts two nodes at once on one PostgreSQL: migrations once, both ready, both stop when asked', async () => {
    const admin = await openDatabase({ url: url! });
    await admin.exec(`CREATE SCHEMA ${schema}`);
    await admin.close();
    const started = await Promise.all([startNode(3901), startNode(3902)]);
    nodes.push(...started.map((n) => n.child));
    const migrated = started.filter((n) => n.output().includes('Migrations appliquées'));
    expect(migrated).toHaveLength(1);
    // Each warmed its code up before it listened (decision 0031): simulations answered, and
    // registration requests under no session refused — no error.
    for (const node of started)
      expect(node.output()).toMatch(
        /Préchauffage : 2000 réponses 200, 1000 réponses 401 en \d+ ms\./,
      );
    for (const port of [3901, 3902]) {
      const ready = await fetch(`http://127.0.0.1:${String(port)}/readyz`);
      expect(ready.status).toBe(200);
      const page = await fetch(`http://127.0.0.1:${String(port)}/`);
      expect(await page.text()).toContain('<div id="root">');
    }
    // Every line a node writes is JSON, its own as its requests': a log pipeline reads them all.
    for (const node of started) {
      const lines = node.stdout().trim().split('\n');
      const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
      expect(messages).toContainEqual(expect.stringMatching(/^Préchauffage : 2000 réponses 200/));
      expect(messages).toContainEqual(expect.stringMatching(/ prêt sur /));
    }
    for (const { child } of started) {
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    }
  });
});
