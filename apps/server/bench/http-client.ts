// The benches' HTTP client: node's own, lighter than `fetch`, so that the client (on the same two
// cores as the servers it measures) takes less of the machine. Connections are kept alive.
import { Agent, request } from 'node:http';

/** Sends requests over at most `connections` connections at once; each resolves to its status. */
export function httpClient(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  return (url: URL, headers: Record<string, string>, body?: string): Promise<number> =>
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
          answer.on('end', () => resolve(answer.statusCode ?? 0));
        },
      );
      sent.on('error', reject);
      sent.end(body);
    });
}
