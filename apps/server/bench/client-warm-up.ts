// The load client's own warm-up, shared by the registration bench and its run on the code of
// before issue 15 (scripts/bench-original.ts), so that both measure a server with the same client.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { httpClient } from '../src/http-client.ts';

/**
 * `count` requests of a registration request's size at once to a bare server of this process.
 * Otherwise a first burst would count the client's code still cold (0,62 ms of CPU a request
 * against 0,40 once warm): on an opening morning the clients are the families' browsers, not a
 * process on the node's machine.
 */
export async function warmClient(
  post: ReturnType<typeof httpClient>,
  count: number,
): Promise<void> {
  const body = JSON.stringify({ dependantIndex: 0, choices: [{ sessionId: randomUUID() }] });
  const bare = createServer((request, answer) => {
    request.resume();
    request.on('end', () =>
      answer.writeHead(201, { 'content-type': 'application/json' }).end('{}'),
    );
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const { port } = bare.address() as AddressInfo;
  const at = new URL(`http://127.0.0.1:${String(port)}/`);
  await Promise.all(
    Array.from({ length: count }, () => post(at, { cookie: 'entraide_session=x' }, body)),
  );
  bare.closeAllConnections();
  bare.close();
}
