// A connection to a listening app that sends bytes as they are — what no HTTP client would send,
// or a request pipelined behind another — and gives back the answers' text once the server
// closes it.
import { connect } from 'node:net';

export interface RawConnection {
  /** Sends these bytes now. */
  readonly send: (bytes: string) => void;
  /** Everything the server wrote, once it closed the connection. */
  readonly answers: Promise<string>;
}

export function rawConnection(address: string): RawConnection {
  const { hostname, port } = new URL(address);
  const socket = connect(Number(port), hostname);
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  return {
    send: (bytes) => socket.write(bytes),
    answers: new Promise((resolve, reject) => {
      socket.on('error', reject);
      socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    }),
  };
}

/** An answer's status line and its JSON body. */
export function statusAndBody(answer: string): { status: string; body: unknown } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: head.split('\r\n')[0] ?? '', body: JSON.parse(body) };
}
