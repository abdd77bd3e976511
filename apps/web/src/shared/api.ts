import type { FileLimit } from '@entraide/contract';
import { common } from '../messages/common.ts';
import { api as msg } from '../messages/shared.ts';
// The web app's only way to the server: the public HTTP API, with the CSRF header the server expects.

export interface FieldErrors {
  readonly [path: string]: string;
}

/** A refused request: a French message and, for a form, one message per field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldErrors = {},
  ) {
    super(message);
  }
}

const csrfToken = (): string => /(?:^|; )entraide_csrf=([^;]*)/.exec(document.cookie)?.[1] ?? '';

/** How many actions (writes) are on their way to the server; screens show that one is. */
let pending = 0;
const listeners = new Set<() => void>();
const setPending = (change: number) => {
  pending += change;
  for (const listener of listeners) listener();
};
export const pendingActions = (): number => pending;
export const onPendingActions = (listener: () => void): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Sends a request; a refusal (4xx, 5xx) or no answer at all is thrown as an `ApiError`. */
async function send(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  contentType: string,
  headers: Readonly<Record<string, string>>,
): Promise<Response> {
  let response: Response;
  const action = method !== 'GET';
  if (action) setPending(1);
  try {
    response = await fetch(url, {
      method,
      credentials: 'same-origin',
      headers: {
        ...(body === undefined ? {} : { 'content-type': contentType }),
        ...(method === 'GET' ? {} : { 'x-csrf-token': csrfToken() }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: body instanceof Blob ? body : JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(0, 'network', msg.serveurNeRepondPas);
  } finally {
    if (action) setPending(-1);
  }
  if (response.ok) return response;
  const payload = (await response.json().catch(() => null)) as {
    error?: string;
    message?: string;
    issues?: { path: string; message: string }[];
  } | null;
  // An action sent once the connection ended (after 12 hours): what was typed is still on the
  // page, and the alert says how to send it again (`FormAlert` adds the way to log in again).
  if (action && response.status === 401 && payload?.error === 'unauthenticated')
    throw new ApiError(401, 'unauthenticated', msg.connexionTerminee);
  if (payload?.issues) {
    const fields: Record<string, string> = {};
    for (const issue of payload.issues) fields[issue.path] ??= issue.message;
    throw new ApiError(response.status, 'invalid_input', common.fieldsToFix, fields);
  }
  throw new ApiError(
    response.status,
    payload?.error ?? 'error',
    payload?.message ?? withoutMessage(response.status, action),
  );
}

/**
 * What to say of an answer without the app's message: a proxy's own page when no node answers
 * (502, 503) or when one answers too late (504 — an action may then have been done all the same).
 */
function withoutMessage(status: number, action: boolean): string {
  if (status === 502 || status === 503) return msg.serviceIndisponible;
  if (status === 504) return action ? msg.delaiDepasseAction : msg.delaiDepasse;
  return msg.erreurSurvenue;
}

/**
 * A refusal in one sentence, for a screen that shows no field: the first field's own message
 * (a file's name the server refused, say), else the refusal's — never « Certains champs sont à
 * corriger. » with no field to correct.
 */
export const refusalSentence = (error: ApiError): string =>
  Object.values(error.fields)[0] ?? error.message;

/** Calls the API; a `Blob` body (a file) is sent as it is, with `contentType`; anything else as JSON; `headers` are added (an idempotency key, say). */
export async function api<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body?: unknown,
  contentType = 'application/json',
  headers: Readonly<Record<string, string>> = {},
): Promise<T> {
  const response = await send(method, url, body, contentType, headers);
  if (response.status === 204) return undefined as T;
  return (await response.json().catch(() => null)) as T;
}

/**
 * Sends a file as it is (the server judges it by its content); one over its `limit` is refused
 * here, before a phone spends minutes uploading what the server would refuse.
 */
export async function sendFile<T>(
  method: 'POST' | 'PUT',
  url: string,
  file: File,
  limit: FileLimit,
  contentType = 'application/octet-stream',
): Promise<T> {
  if (file.size > limit.bytes) throw new ApiError(413, 'too_large', limit.message);
  return api<T>(method, url, file, contentType);
}

/** The file's name the server gives (`filename="…"`, encoded as a URI component). */
const fileNameOf = (disposition: string | null): string => {
  const name = /filename="([^"]*)"/.exec(disposition ?? '')?.[1];
  try {
    return name ? decodeURIComponent(name) : '';
  } catch {
    return name ?? '';
  }
};

/**
 * Asks the API for a file (a POST when asking changes something) and saves it under the name the
 * server gives. Fetched, not followed as a `download` link: the browser saves such a link's answer
 * without showing it, so a refusal would be lost; here it is thrown, for the page to say.
 */
export async function download(method: 'GET' | 'POST', url: string): Promise<void> {
  const response = await send(
    method,
    url,
    method === 'POST' ? {} : undefined,
    'application/json',
    {},
  );
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = fileNameOf(response.headers.get('content-disposition'));
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
