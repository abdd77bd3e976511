// Whether a tax notice's 2D-DOC is genuine. ANTS's trust list names each certification authority,
// its certificate and its certificate store; a code's header names the signing certificate
// (authority + id). A signing certificate the list does not carry is asked of its authority's
// store (RFC 4387: `store?name=<id>`) and kept for the life of the process; whatever the store
// answers is then checked against the authority like any other (decision 0021).
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { verify2dDoc, type TrustList, type TwoDDoc } from '@entraide/twoddoc';
import { committeeDay } from '../../time-zone.ts';

/** ANTS's list as shipped with the release (`apps/server/trust-list/`). */
export const SHIPPED_TRUST_LIST_DIR = fileURLToPath(
  new URL('../../../trust-list/', import.meta.url),
);

/** `trust-list.json` in `TRUST_LIST_DIR`, or the list shipped with the release. */
export function loadTrustList(dir: string | null): TrustList {
  const file = join(dir ?? SHIPPED_TRUST_LIST_DIR, 'trust-list.json');
  if (!existsSync(file))
    throw new Error(`TRUST_LIST_DIR : ${file} n’existe pas (voir docs/decisions/0021).`);
  return JSON.parse(readFileSync(file, 'utf8')) as TrustList;
}

/**
 * The verifier of the list in `TRUST_LIST_DIR` (or the shipped one), with a warning in the logs
 * when ANTS's announced next list is due: its authorities still check the codes they signed, but
 * a newer list may add or withdraw some.
 */
export function noticeVerifier(dir: string | null, warn: (line: string) => void): NoticeVerifier {
  const list = loadTrustList(dir);
  const today = committeeDay(new Date());
  if (list.nextUpdate && list.nextUpdate < today)
    warn(
      `La liste de confiance 2D-DOC de l’ANTS (n° ${String(list.sequenceNumber)}) devait être remplacée le ${list.nextUpdate} : installez la nouvelle (docs/decisions/0021).`,
    );
  return new NoticeVerifier(list);
}

export interface Check {
  /** true: signed by a certificate of the list; false: forged or altered; null: not checked. */
  readonly genuine: boolean | null;
  /** Why it is not genuine, or why it could not be checked, in French. */
  readonly reason: string | null;
}

const MAX_ANSWER_BYTES = 1_048_576;

type StoreAnswer = { readonly certificates: readonly string[] } | { readonly unreachable: string };

export class NoticeVerifier {
  readonly #asked = new Map<string, readonly string[]>();
  /** The stores that could not answer, by certificate: why, and until when they are not asked again. */
  readonly #unreachable = new Map<string, { readonly until: number; readonly why: string }>();

  /**
   * `timeoutMs`: how long a store is waited for; `pauseMs`: how long a store that could not answer
   * is left alone (a notice sent meanwhile is read unchecked at once, not after another wait).
   */
  constructor(
    readonly list: TrustList,
    private readonly timeoutMs = 5_000,
    private readonly pauseMs = 600_000,
  ) {}

  async check(doc: TwoDDoc): Promise<Check> {
    const { authority, certificate } = doc.header;
    // An authority the list does not name may be newer than the list: unchecked, not forged.
    if (!this.list.authorities.some((a) => a.id === authority)) {
      const issue = this.list.sequenceNumber ? ` (n° ${String(this.list.sequenceNumber)})` : '';
      return {
        genuine: null,
        reason: `L’autorité ${authority} n’est pas dans la liste de confiance de l’ANTS installée${issue} : l’avis est lu ; un gestionnaire le vérifiera, vous n’avez rien à refaire.`,
      };
    }
    const asked = await this.#askedSigners(authority, certificate);
    if ('unreachable' in asked)
      return {
        genuine: null,
        reason: `Le certificat ${authority}/${certificate} n’a pas pu être demandé à son autorité (${asked.unreachable}) : l’avis est lu ; il sera vérifié plus tard, vous n’avez rien à refaire.`,
      };
    const lists: TrustList[] =
      asked.certificates.length === 0
        ? [this.list]
        : asked.certificates.map((pem) => ({
            ...this.list,
            signers: [{ authority, id: certificate, certificate: pem }],
          }));
    let verdict = await verify2dDoc(doc, lists[0] as TrustList);
    for (const list of lists.slice(1)) {
      if (verdict.valid) break;
      verdict = await verify2dDoc(doc, list);
    }
    return verdict.valid
      ? { genuine: true, reason: null }
      : { genuine: false, reason: verdict.reason };
  }

  /** The signing certificates its store gives, when the list does not carry one (none else). */
  async #askedSigners(authority: string, id: string): Promise<StoreAnswer> {
    const store = this.list.authorities.find((a) => a.id === authority)?.store;
    const listed = this.list.signers.some((s) => s.authority === authority && s.id === id);
    if (!store || listed) return { certificates: [] };
    const key = `${authority}/${id}`;
    const asked = this.#asked.get(key);
    if (asked) return { certificates: asked };
    const paused = this.#unreachable.get(key);
    if (paused && paused.until > Date.now()) return { unreachable: paused.why };
    const answer = await askStore(store, id, this.timeoutMs);
    if ('unreachable' in answer) {
      this.#unreachable.set(key, { until: Date.now() + this.pauseMs, why: answer.unreachable });
      return answer;
    }
    this.#unreachable.delete(key);
    if (answer.certificates.length > 0) this.#asked.set(key, answer.certificates);
    return answer;
  }
}

/** The certificates named `id` in an authority's store; none when it knows no such name. */
async function askStore(store: string, id: string, timeoutMs: number): Promise<StoreAnswer> {
  const url = new URL(store);
  url.searchParams.set('name', id);
  let body: Buffer | null;
  let contentType: string;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (response.status === 404 || response.status === 204) return { certificates: [] };
    if (!response.ok) return { unreachable: `réponse ${response.status}` };
    contentType = response.headers.get('content-type') ?? '';
    body = await boundedBody(response);
  } catch (error) {
    const late = error instanceof Error && error.name === 'TimeoutError';
    return { unreachable: late ? 'pas de réponse à temps' : 'injoignable' };
  }
  if (!body) return { unreachable: 'réponse trop longue' };
  const found = certificatesIn(body, contentType);
  // A store may answer several: the one whose common name is the id, if it says which.
  const named = found.filter((c) => c.subject.split('\n').includes(`CN=${id}`));
  return { certificates: (named.length > 0 ? named : found).map((c) => c.toString()) };
}

/** A store's answer, read up to 1 MiB (a few certificates weigh a few kB); null beyond. */
async function boundedBody(response: Response): Promise<Buffer | null> {
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined = response.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader?.read(); read && !read.done; read = await reader?.read()) {
    size += read.value.length;
    if (size > MAX_ANSWER_BYTES) {
      await reader?.cancel();
      return null;
    }
    chunks.push(read.value);
  }
  return Buffer.concat(chunks);
}

/** The certificates of a store's answer: DER, PEM, or a multipart of either (RFC 4387). */
function certificatesIn(body: Buffer, contentType: string): X509Certificate[] {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  return (boundary ? partsOf(body, boundary) : [body]).flatMap((part) => {
    const pems = part
      .toString('latin1')
      .match(/-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g);
    return (pems ?? [part]).flatMap((data) => {
      try {
        return [new X509Certificate(data)];
      } catch {
        return [];
      }
    });
  });
}

/** The bodies of a multipart answer's parts. */
function partsOf(body: Buffer, boundary: string): Buffer[] {
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  for (let at = body.indexOf(delimiter); at >= 0;) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    const part = body.subarray(at + delimiter.length, next);
    const start = part.indexOf('\r\n\r\n');
    // The line break before the next delimiter belongs to the delimiter.
    if (start >= 0) parts.push(part.subarray(start + 4, part.length - 2));
    at = next;
  }
  return parts;
}
