import type { FastifyInstance, FastifyRequest } from 'fastify';
import { escapeMarkup } from './markup.ts';

/**
 * A browser opening an address of the API itself — a PDF, a spreadsheet, a document opened by its
 * link in a new tab — rather than the web app's `fetch`: browsers say so by `Sec-Fetch-Mode`; one
 * too old to send it, by asking for HTML first.
 */
const isNavigation = (request: FastifyRequest): boolean => {
  const mode = request.headers['sec-fetch-mode'];
  return mode === undefined
    ? (request.headers.accept ?? '').startsWith('text/html')
    : mode === 'navigate';
};

const TITLES: Readonly<Record<number, string>> = {
  401: 'Connexion nécessaire',
  403: 'Accès refusé',
  404: 'Document introuvable',
  429: 'Trop de demandes',
};

/** The sentence of a refusal's JSON: its message, or its fields' sentences. */
function sentenceOf(status: number, payload: string): string {
  // « Introuvable » with the address: said for a person who followed a link.
  if (status === 404)
    return 'Ce lien ne mène à aucun document : il est peut-être ancien, ou le document a été retiré.';
  try {
    const answer = JSON.parse(payload) as { message?: unknown; issues?: { message?: unknown }[] };
    if (typeof answer.message === 'string') return answer.message;
    const issues = (answer.issues ?? []).map((i) => i.message).filter((m) => typeof m === 'string');
    if (issues.length > 0) return `${issues.join(' ; ')}.`;
  } catch {
    // Not the JSON of a refusal: the page says it in general.
  }
  return 'Cette adresse n’a pas pu être ouverte.';
}

/** A page a person reads in place of a refusal's JSON: what happened, and where to go from here. */
export function refusalPage(status: number, payload: string): string {
  const title =
    TITLES[status] ??
    (status >= 500 ? 'Service momentanément indisponible' : 'Document impossible à produire');
  const next =
    status === 401
      ? '<a href="/connexion">Se connecter</a>, puis rouvrir le lien.'
      : '<a href="/">Retour à l’accueil</a>';
  return `<!doctype html>
<html lang="fr">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Entraide</title></head>
<body><main><h1>${title}</h1><p>${escapeMarkup(sentenceOf(status, payload))}</p><p>${next}</p></main></body>
</html>
`;
}

/**
 * A refusal answered to a browser that opened the API's address itself is a page in French, not
 * JSON shown raw: the web app's own requests still get the JSON they read.
 */
export function registerRefusalPages(app: FastifyInstance): void {
  app.addHook('onSend', (request, reply, payload, done) => {
    if (
      reply.statusCode < 400 ||
      typeof payload !== 'string' ||
      !String(reply.getHeader('content-type')).startsWith('application/json') ||
      !isNavigation(request)
    ) {
      done(null, payload);
      return;
    }
    void reply.type('text/html; charset=utf-8');
    done(null, refusalPage(reply.statusCode, payload));
  });
}
