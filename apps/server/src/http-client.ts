// Node's own HTTP client, with kept-alive connections: the node's warm-up sends itself requests
// through it (warm-up.ts), and the benches their load — lighter than `fetch`, so that a bench's
// client (on the same two cores as the servers it measures) takes less of the machine.
import { Agent, request } from 'node:http';

/** An answer's status and the cookies it sets. */
export interface ClientAnswer {
  readonly status: number;
  readonly cookies: readonly string[];
}

/** Sends requests over at most `connections` connections at once: a POST when given a body. */
export function httpClient(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return (url: URL, headers: Record<string, string>, body?: string): Promise<ClientAnswer> =>
    new Promise((resolve, reject) => {
      const sent = request(
        url,
        {
          method: body ? 'POST' : 'GET',
          agent,
          headers: body
            ? {
                ...headers,
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              }
            : headers,
        },
        (answer) => {
          answer.resume();
          answer.on('end', () =>
            resolve({
              status: answer.statusCode ?? 0,
              cookies: answer.headers['set-cookie'] ?? [],
            }),
          );
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
}
