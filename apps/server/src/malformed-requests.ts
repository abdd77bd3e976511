// Requests refused before any route or hook sees them — an address with a broken « % », a
// request Node's HTTP parser cannot read — answered in French and in the API's shape, as every
// other refusal, rather than in Fastify's and Node's English.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';

const BAD_ADDRESS =
  'Cette adresse est mal formée : un « % » doit y être suivi de deux chiffres ou lettres de A à F, par exemple %20 pour une espace. Recopiez le lien en entier, ou repartez de la page d’accueil.';

interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly message: string;
}

/** Node's parser refusals a person may meet, by their code; any other, UNREADABLE_REQUEST. */
const CLIENT_ERRORS = new Map<string, Refusal>([
  [
    'HPE_HEADER_OVERFLOW',
    {
      status: 431,
      error: 'headers_too_large',
      message:
        'Votre navigateur envoie trop de données avec chaque page (souvent des cookies accumulés) : effacez les cookies de ce site, puis réessayez.',
    },
  ],
  [
    'ERR_HTTP_REQUEST_TIMEOUT',
    {
      status: 408,
      error: 'timeout',
      message: 'La requête est arrivée trop lentement : vérifiez votre connexion, puis réessayez.',
    },
  ],
]);
const UNREADABLE_REQUEST: Refusal = {
  status: 400,
  error: 'bad_request',
  message: 'Cette requête HTTP est mal formée : elle n’a pas pu être lue.',
};

/** A page's answer: the sentence, and the way back to the home page (no style: the CSP allows none inline). */
const BAD_ADDRESS_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Adresse mal formée</title></head><body><main><h1>Adresse mal formée</h1><p>${BAD_ADDRESS}</p><p><a href="/">Page d’accueil</a></p></main></body></html>`;

/**
 * Fastify's options for the requests it refuses itself: `frameworkErrors` for an address it cannot
 * decode (a page gets a page, with the app's security headers; the API its JSON), and
 * `clientErrorHandler` for what Node's parser refuses (Fastify's own behaviour, in French).
 */
export function malformedRequests(
  security: Readonly<Record<string, string>>,
): Pick<FastifyServerOptions, 'frameworkErrors' | 'clientErrorHandler'> {
  return {
    frameworkErrors: (_error, request: FastifyRequest, reply: FastifyReply) => {
      reply.headers(security).header('cache-control', 'no-store').status(400);
      if (request.url.startsWith('/api/'))
        void reply.send({ error: 'bad_url', message: BAD_ADDRESS });
      else void reply.type('text/html; charset=utf-8').send(BAD_ADDRESS_PAGE);
    },
    clientErrorHandler: (error: Error & { code?: string }, socket: Socket) => {
      // A connection reset or already closed: there is no one to answer.
      if (error.code === 'ECONNRESET' || socket.destroyed) return;
      const { status, ...answer } = CLIENT_ERRORS.get(error.code ?? '') ?? UNREADABLE_REQUEST;
      const body = JSON.stringify(answer);
      if (socket.writable)
        socket.write(
          `HTTP/1.1 ${String(status)} ${STATUS_CODES[status] ?? ''}\r\nContent-Length: ${String(Buffer.byteLength(body))}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
        );
      socket.destroy(error);
    },
  };
}
