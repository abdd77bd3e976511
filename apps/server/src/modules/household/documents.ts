import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;
export const DOCUMENT_KINDS = [
  'taxNotice',
  'payslip',
  'pensionSlip',
  'contract',
  'familyBook',
  'disabilityCard',
  'receipt',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Files stored by the SHA-256 of their content: the same PDF sent twice is kept once. */
export class DocumentStore {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  put(bytes: Uint8Array): string {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = join(this.dir, sha256);
    const partial = `${path}.${process.pid}.part`;
    writeFileSync(partial, bytes);
    renameSync(partial, path);
    return sha256;
  }

  get(sha256: string): Buffer {
    return readFileSync(join(this.dir, sha256));
  }
}

/** A readable PDF, judged by its content (not its name): the header and a full parse. */
async function checkPdf(bytes: Uint8Array): Promise<void> {
  if (bytes.length === 0) throw new HttpError(400, 'invalid_document', 'Le fichier est vide.');
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw new HttpError(413, 'invalid_document', 'Le fichier dépasse 10 Mo.');
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!header.includes('%PDF-'))
    throw new HttpError(
      400,
      'invalid_document',
      'Ce fichier n’est pas un PDF. Seuls les documents PDF sont acceptés.',
    );
  try {
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    if (pdf.getPageCount() === 0) throw new Error('no page');
  } catch {
    throw new HttpError(
      400,
      'invalid_document',
      'Ce PDF est illisible ou endommagé. Enregistrez-le à nouveau en PDF puis réessayez.',
    );
  }
}

export interface DocumentSummary {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly createdAt: string;
}

/** Keeps a member's PDF: checked first, so that nothing at all is kept when it is not a readable PDF. */
export async function addDocument(
  db: Queryable,
  store: DocumentStore,
  member: CurrentUser,
  kind: DocumentKind,
  fileName: string,
  bytes: Uint8Array,
): Promise<DocumentSummary> {
  await checkPdf(bytes);
  const sha256 = store.put(bytes);
  const [row] = await db.query<{ id: string; created_at: string }>(
    'INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name) VALUES ($1, $2, $3, $4, $5) RETURNING id, created_at::text AS created_at',
    [member.id, kind, sha256, bytes.length, fileName],
  );
  if (!row) throw new Error('insert returned nothing');
  return { id: row.id, kind, fileName, sizeBytes: bytes.length, createdAt: row.created_at };
}

/** A document's bytes, for its owner and for staff only; anyone else gets 404. */
export async function readDocument(
  db: Queryable,
  store: DocumentStore,
  viewer: CurrentUser,
  id: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  requireUuid(id);
  const [row] = await db.query<{ member_id: string; sha256: string; file_name: string }>(
    'SELECT member_id, sha256, file_name FROM documents WHERE id = $1',
    [id],
  );
  if (!row || (row.member_id !== viewer.id && viewer.role === 'member')) throw notFound();
  return { fileName: row.file_name, bytes: store.get(row.sha256) };
}

export async function listDocuments(db: Queryable, memberId: string): Promise<DocumentSummary[]> {
  const rows = await db.query<{
    id: string;
    kind: DocumentKind;
    file_name: string;
    size_bytes: number;
    created_at: string;
  }>(
    'SELECT id, kind, file_name, size_bytes, created_at::text AS created_at FROM documents WHERE member_id = $1 ORDER BY created_at DESC',
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
  }));
}
