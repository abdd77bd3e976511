import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import {
  DOCUMENT_LIMIT,
  taxNoticeSummary,
  type TaxNoticeDetails,
  type TaxNoticeSummary,
} from '@entraide/contract';
import type { Database, Queryable } from '../../db/database.ts';
import { lockMember } from '../accounts/members.ts';
import { JobLock } from '../../db/job-locks.ts';
import { fileUpload, HttpError, notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { recordAudit } from '../audit/audit-log.ts';
import { hasActiveContent } from './pdf-active-content.ts';

/** A route that receives a document: its size limit, and what a larger one is told (413). */
export const DOCUMENT_UPLOAD = fileUpload(DOCUMENT_LIMIT);

export const DOCUMENT_KINDS = [
  'taxNotice',
  'spouseTaxNotice',
  'payslip',
  'pensionSlip',
  'contract',
  'familyBook',
  'disabilityCard',
  'receipt',
  'other',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Where documents' bytes are kept, by the SHA-256 of their content: the same PDF sent twice is
 * kept once. Every node of the committee reads the same store. `tx`: the caller's transaction,
 * through which a store in the database writes (PGlite has one connection: a statement outside
 * the transaction would wait for its end).
 */
export interface DocumentStore {
  put(bytes: Uint8Array, tx?: Queryable): Promise<string>;
  /** Whether the bytes of that SHA-256 are kept (without reading them). */
  has(sha256: string): Promise<boolean>;
  /** The bytes, or null when they were deleted (retention, closed account). */
  find(sha256: string): Promise<Buffer | null>;
  /** Deletes these bytes; the caller checks that no document row points to them any more. */
  remove(hashes: readonly string[], tx?: Queryable): Promise<void>;
}

/** The default store: the committee's PostgreSQL (or PGlite), backed up with everything else. */
export class DatabaseDocumentStore implements DocumentStore {
  constructor(private readonly db: Queryable) {}

  async put(bytes: Uint8Array, tx: Queryable = this.db): Promise<string> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    await tx.query(
      'INSERT INTO document_contents (sha256, bytes) VALUES ($1, $2) ON CONFLICT (sha256) DO NOTHING',
      [sha256, Buffer.from(bytes)],
    );
    return sha256;
  }

  async has(sha256: string): Promise<boolean> {
    const rows = await this.db.query('SELECT 1 FROM document_contents WHERE sha256 = $1', [sha256]);
    return rows.length > 0;
  }

  async find(sha256: string): Promise<Buffer | null> {
    const [row] = await this.db.query<{ bytes: Uint8Array }>(
      'SELECT bytes FROM document_contents WHERE sha256 = $1',
      [sha256],
    );
    return row ? Buffer.from(row.bytes) : null;
  }

  async remove(hashes: readonly string[], tx: Queryable = this.db): Promise<void> {
    await tx.query('DELETE FROM document_contents WHERE sha256 = ANY($1)', [hashes]);
  }
}

/**
 * The documents an earlier version kept on the local disk (`DATA_DIR/files`, one file per
 * SHA-256), copied into the store once; a file whose content does not match its name is left.
 */
export async function importDiskDocuments(store: DocumentStore, dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  let copied = 0;
  for (const name of readdirSync(dir).filter((n) => /^[0-9a-f]{64}$/.test(n))) {
    if (await store.has(name)) continue;
    const bytes = readFileSync(join(dir, name));
    if (createHash('sha256').update(bytes).digest('hex') !== name) continue;
    await store.put(bytes);
    copied += 1;
  }
  return copied;
}

/**
 * The retention job's lock: exclusive for the job, shared by the use cases that attach documents
 * — so a document is never deleted while one lists it (`keepFromRetention`).
 */
export const RETENTION_LOCK = new JobLock('document_retention');

/** The member's documents among `ids` (a document of another member is not among them). */
export const ownDocuments = (
  db: Queryable,
  memberId: string,
  ids: readonly string[],
): Promise<{ id: string; kind: string }[]> =>
  db.query<{ id: string; kind: string }>(
    'SELECT id, kind FROM documents WHERE member_id = $1 AND id = ANY($2::uuid[])',
    [memberId, ids],
  );

/**
 * In a use case that attaches documents (a Fiche, a claim, a Solidarité request), before it reads
 * them: waits for the retention job if it runs — a document it deleted is then not found — and
 * makes the job wait for the use case's commit, after which it sees the document listed.
 */
export const keepFromRetention = (tx: Queryable): Promise<void> => RETENTION_LOCK.shared(tx);

/** The member's documents among `ids` that the use case attaches, kept from the retention job. */
export async function attachedDocuments(
  tx: Queryable,
  memberId: string,
  ids: readonly string[],
): Promise<{ id: string; kind: string }[]> {
  await keepFromRetention(tx);
  return ownDocuments(tx, memberId, ids);
}

/**
 * Deletes document rows (inside the caller's transaction) and then, once committed, the bytes no
 * other row shares (files are kept by content: the same PDF sent twice is stored once).
 */
export async function deleteDocuments(
  tx: Queryable,
  where: string,
  params: readonly unknown[],
): Promise<{ id: string; sha256: string; kind: string }[]> {
  return tx.query<{ id: string; sha256: string; kind: string }>(
    `DELETE FROM documents d WHERE ${where} RETURNING d.id, d.sha256, d.kind`,
    params,
  );
}

/**
 * The lock on documents' bytes, kept once for every document of the same content: exclusive
 * while bytes no document lists are removed, shared by a document being listed, from its bytes'
 * storing to its commit (`addDocument`, one transaction). Before, a member's file being listed as
 * the same file of another member was deleted (a closed account, the retention job) lost its
 * bytes.
 */
const CONTENTS_LOCK = new JobLock('document_contents');

/** The bytes of deleted documents that no remaining document row uses. */
export async function removeUnusedBytes(
  db: Database,
  store: DocumentStore,
  deleted: readonly { sha256: string }[],
): Promise<void> {
  const hashes = [...new Set(deleted.map((d) => d.sha256))];
  if (hashes.length === 0) return;
  await db.transaction(async (tx) => {
    await CONTENTS_LOCK.exclusive(tx);
    // Joined rather than `sha256 = ANY($1)`: a prepared statement's plan compares each row with
    // every hash of the list, and the retention job's list holds tens of thousands.
    const still = await tx.query<{ sha256: string }>(
      'SELECT DISTINCT d.sha256 FROM documents d JOIN unnest($1::text[]) AS gone(sha256) ON gone.sha256 = d.sha256',
      [hashes],
    );
    const kept = new Set(still.map((r) => r.sha256));
    const unused = hashes.filter((hash) => !kept.has(hash));
    if (unused.length > 0) await store.remove(unused, tx);
  });
}

/** Any document a member sends: not empty, 10 MB at most. */
export function checkDocumentSize(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new HttpError(400, 'invalid_document', 'Le fichier est vide.');
  if (bytes.length > DOCUMENT_LIMIT.bytes)
    throw new HttpError(413, 'too_large', DOCUMENT_LIMIT.message);
}

/** A readable PDF, judged by its content (not its name): the header and a full parse. */
async function checkPdf(bytes: Uint8Array): Promise<void> {
  checkDocumentSize(bytes);
  const header = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!header.includes('%PDF-'))
    throw new HttpError(
      400,
      'invalid_document',
      'Ce fichier n’est pas un PDF. Seuls les documents PDF sont acceptés.',
    );
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    if (pdf.getPageCount() === 0) throw new Error('no page');
  } catch {
    throw new HttpError(
      400,
      'invalid_document',
      'Ce PDF est illisible ou endommagé. Enregistrez-le à nouveau en PDF puis réessayez.',
    );
  }
  if (hasActiveContent(pdf))
    throw new HttpError(
      400,
      'active_document',
      'Ce PDF contient du contenu actif (JavaScript, lancement de programme ou fichier joint), refusé par sécurité. Imprimez-le à nouveau en PDF (Imprimer › Enregistrer au format PDF) puis envoyez ce nouveau fichier.',
    );
}

export interface DocumentSummary {
  readonly id: string;
  readonly kind: DocumentKind;
  readonly fileName: string;
  readonly sizeBytes: number;
  readonly createdAt: string;
  /** What a tax notice's 2D-DOC says, when one was read from it. */
  readonly taxNotice: TaxNoticeSummary | null;
}

/** The kinds of document whose 2D-DOC is read as they arrive. */
export const TAX_NOTICE_KINDS: ReadonlySet<DocumentKind> = new Set([
  'taxNotice',
  'spouseTaxNotice',
]);

/** What anyone but the Fiche Agent staff sees of a notice read: no tax numbers, no names. */
const summaryOf = (notice: TaxNoticeSummary | null): TaxNoticeSummary | null =>
  notice && taxNoticeSummary.parse(notice);

/** Keeps a member's PDF: checked first, so that nothing at all is kept when it is not a readable PDF. */
export async function addDocument(
  db: Database,
  store: DocumentStore,
  member: CurrentUser,
  kind: DocumentKind,
  fileName: string,
  bytes: Uint8Array,
  taxNotice: TaxNoticeDetails | null = null,
): Promise<DocumentSummary> {
  await checkPdf(bytes);
  // Under the member's lock: an account closing meanwhile is waited for, then refuses the file,
  // or waits for it and deletes it too — no document listed for a closed account. Its bytes are
  // stored in the same transaction, under the bytes' lock: a removal of the same file's bytes
  // (another member's copy deleted) waits for the commit and then sees them listed.
  const [row] = await db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    await CONTENTS_LOCK.shared(tx);
    const sha256 = await store.put(bytes, tx);
    return tx.query<{ id: string; created_at: string }>(
      'INSERT INTO documents (member_id, kind, sha256, size_bytes, file_name, tax_notice) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id, created_at::text AS created_at',
      [member.id, kind, sha256, bytes.length, fileName, taxNotice && JSON.stringify(taxNotice)],
    );
  });
  if (!row) throw new Error('insert returned nothing');
  return {
    id: row.id,
    kind,
    fileName,
    sizeBytes: bytes.length,
    createdAt: row.created_at,
    taxNotice: summaryOf(taxNotice),
  };
}

/**
 * Whether a staff member's work needs a member's document (least privilege, issue 11): the Fiche
 * Agent staff read what a Fiche Agent holds; a sector's staff, the receipts of its claims; the
 * Solidarité staff, those of its requests; admins, everything. Everyone else: as if it did not
 * exist.
 */
async function staffMayRead(db: Queryable, viewer: CurrentUser, id: string): Promise<boolean> {
  if (viewer.role === 'admin') return true;
  if (viewer.role !== 'staff') return false;
  const [row] = await db.query<{ allowed: boolean }>(
    // Only the owner's Fiches, claims and requests can list a document (each checks it is the
    // member's): read by their member's index, not all the committee's.
    `SELECT ($2 AND EXISTS (SELECT 1 FROM agent_records r WHERE r.member_id = d.member_id AND d.id = ANY(r.document_ids)))
         OR EXISTS (SELECT 1 FROM claims c WHERE c.member_id = d.member_id AND d.id = ANY(c.document_ids) AND c.sector = ANY($3))
         OR ($4 AND EXISTS (SELECT 1 FROM solidarity_requests s WHERE s.member_id = d.member_id AND d.id = ANY(s.document_ids)))
         AS allowed
       FROM documents d WHERE d.id = $1`,
    [
      id,
      viewer.sectors.includes('fiche-agent'),
      viewer.sectors,
      viewer.sectors.includes('solidarite'),
    ],
  );
  return row?.allowed ?? false;
}

/**
 * A document's bytes: for its owner, and for the staff whose work needs it — each such read is in
 * the audit log, which the member sees (« Qui a consulté mon dossier »). Anyone else gets 404.
 */
export async function readDocument(
  db: Queryable,
  store: DocumentStore,
  viewer: CurrentUser,
  id: string,
): Promise<{ fileName: string; bytes: Buffer }> {
  requireUuid(id);
  const [row] = await db.query<{
    member_id: string;
    sha256: string;
    file_name: string;
    kind: DocumentKind;
  }>('SELECT member_id, sha256, file_name, kind FROM documents WHERE id = $1', [id]);
  if (!row) throw notFound();
  if (row.member_id !== viewer.id) {
    if (!(await staffMayRead(db, viewer, id))) throw notFound();
    await recordAudit(db, viewer.id, 'document.read', 'member', row.member_id, {
      documentId: id,
      kind: row.kind,
      fileName: row.file_name,
    });
  }
  const bytes = await store.find(row.sha256);
  if (!bytes) throw notFound();
  return { fileName: row.file_name, bytes };
}

/**
 * A member's documents, newest first; with `taxNumbers`, the notices' declarants and tax numbers
 * (for the Fiche Agent staff only).
 */
export async function listDocuments(
  db: Queryable,
  memberId: string,
  taxNumbers = false,
): Promise<DocumentSummary[]> {
  const rows = await db.query<{
    id: string;
    kind: DocumentKind;
    file_name: string;
    size_bytes: number;
    created_at: string;
    /** Notices read before their declarants were kept have none. */
    tax_notice: (TaxNoticeSummary & Partial<TaxNoticeDetails>) | null;
  }>(
    'SELECT id, kind, file_name, size_bytes, created_at::text AS created_at, tax_notice FROM documents WHERE member_id = $1 ORDER BY created_at DESC',
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    createdAt: r.created_at,
    taxNotice:
      taxNumbers && r.tax_notice
        ? {
            ...r.tax_notice,
            noticeReference: r.tax_notice.noticeReference ?? null,
            declarants: r.tax_notice.declarants ?? [],
          }
        : summaryOf(r.tax_notice),
  }));
}
