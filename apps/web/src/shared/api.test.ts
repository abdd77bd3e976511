import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { api as msg } from '../messages/shared.ts';
import { api, ApiError, refusalSentence } from './api.ts';

describe('refusalSentence', () => {
  it('says the first field’s message, not « some fields to correct » with no field shown', () => {
    const name = 'ce texte contient un caractère invisible ou invalide : retapez-le au clavier';
    expect(
      refusalSentence(
        new ApiError(400, 'invalid_input', 'Certains champs sont à corriger.', { name }),
      ),
    ).toBe(name);
    expect(refusalSentence(new ApiError(413, 'too_large', 'Ce fichier dépasse 10 Mo.'))).toBe(
      'Ce fichier dépasse 10 Mo.',
    );
  });
});

describe('an answer without the app’s message', () => {
  /** A server answering every request with `status` and an HTML page, as a proxy does. */
  async function proxyAnswering(status: number): Promise<{ url: string; close: () => void }> {
    const server = createServer((_request, response) =>
      response.writeHead(status, { 'content-type': 'text/html' }).end('<h1>Bad Gateway</h1>'),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return { url: `http://127.0.0.1:${String(port)}/api/me`, close: () => server.close() };
  }

  it('says the service is unavailable, or too slow, rather than « une erreur est survenue »', async () => {
    const refusal = async (status: number, method: 'GET' | 'POST' = 'GET') => {
      const proxy = await proxyAnswering(status);
      try {
        return await api(method, proxy.url, method === 'POST' ? {} : undefined).then(
          () => null,
          (error: unknown) => error,
        );
      } finally {
        proxy.close();
      }
    };
    expect(await refusal(502)).toMatchObject({ status: 502, message: msg.serviceIndisponible });
    expect(await refusal(503)).toMatchObject({ status: 503, message: msg.serviceIndisponible });
    expect(await refusal(504)).toMatchObject({ status: 504, message: msg.delaiDepasse });
    // An action sent (it reads the CSRF token from the page's cookies) may have been done.
    vi.stubGlobal('document', { cookie: 'entraide_csrf=jeton' });
    expect(await refusal(504, 'POST')).toMatchObject({ message: msg.delaiDepasseAction });
    vi.unstubAllGlobals();
    expect(await refusal(500)).toMatchObject({ status: 500, message: msg.erreurSurvenue });
  });
});
