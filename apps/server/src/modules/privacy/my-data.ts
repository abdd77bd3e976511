// « Télécharger mes données » (RGPD, right of access and portability): everything the committee
// holds about the household, as JSON files and the original PDFs, in one ZIP.
import { zipSync, strToU8 } from 'fflate';
import type { Queryable } from '../../db/database.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { memberAudit, recordAudit } from '../audit/audit-log.ts';
import type { DocumentStore } from '../household/documents.ts';
import { fileReads } from '../members/member-files.ts';

/** Each table's rows of the member, with what is secret to the server (hashes, keys) left out. */
const TABLES: readonly { file: string; sql: string }[] = [
  {
    file: 'compte.json',
    sql: `SELECT id, identifier, email, last_name, first_name, birth_date, matricule, phone, address, role, created_at
            FROM users WHERE id = $1`,
  },
  { file: 'famille.json', sql: 'SELECT * FROM dependants WHERE member_id = $1' },
  {
    file: 'fiches-agent.json',
    sql: 'SELECT * FROM agent_records WHERE member_id = $1 ORDER BY year, version',
  },
  {
    file: 'documents.json',
    sql: 'SELECT id, kind, file_name, size_bytes, created_at FROM documents WHERE member_id = $1',
  },
  { file: 'rib.json', sql: 'SELECT * FROM bank_accounts WHERE member_id = $1' },
  {
    file: 'demandes-inscription.json',
    sql: 'SELECT * FROM registration_requests WHERE member_id = $1 ORDER BY number',
  },
  { file: 'factures.json', sql: 'SELECT * FROM invoices WHERE member_id = $1 ORDER BY reference' },
  {
    file: 'echeances.json',
    sql: 'SELECT i.* FROM instalments i JOIN invoices f ON f.id = i.invoice_id WHERE f.member_id = $1',
  },
  {
    file: 'paiements.json',
    sql: 'SELECT * FROM payments WHERE member_id = $1 ORDER BY created_at',
  },
  { file: 'subventions.json', sql: 'SELECT * FROM claims WHERE member_id = $1 ORDER BY number' },
  { file: 'solidarite.json', sql: 'SELECT * FROM solidarity_requests WHERE member_id = $1' },
  {
    file: 'courriels.json',
    sql: `SELECT subject, text_body, created_at, sent_at FROM mail_outbox
           WHERE to_address = (SELECT email FROM users WHERE id = $1) ORDER BY id`,
  },
  {
    file: 'cles-acces.json',
    sql: 'SELECT name, created_at, last_used_at FROM passkeys WHERE user_id = $1',
  },
];

/** More actions than a household's years with the committee make, however busy. */
const ACTIONS_KEPT = 10_000;

export async function myDataZip(
  db: Queryable,
  store: DocumentStore,
  member: CurrentUser,
): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));
  for (const table of TABLES) files[table.file] = json(await db.query(table.sql, [member.id]));
  files['consultations.json'] = json(await fileReads(db, member.id));
  // What the committee did about the household (a Fiche validated, a claim decided, a payment
  // recorded…), in words, as the staff read it in the member's file.
  files['actions-du-comite.json'] = json(
    (await memberAudit(db, member.id, ACTIONS_KEPT)).map((e) => ({
      le: e.createdAt,
      action: e.label,
      detail: e.detail,
    })),
  );
  const documents = await db.query<{ id: string; sha256: string; file_name: string }>(
    'SELECT id, sha256, file_name FROM documents WHERE member_id = $1',
    [member.id],
  );
  for (const d of documents) {
    const bytes = await store.find(d.sha256);
    if (bytes) files[`documents/${d.id}-${d.file_name.replace(/[^\w.-]+/g, '_')}`] = bytes;
  }
  files['LISEZMOI.txt'] = strToU8(
    'Vos données détenues par le comité, au format JSON (une liste par fichier) et vos documents PDF d’origine.\n' +
      'Les factures et paiements sont conservés pour la durée légale de conservation des pièces comptables (10 ans).\n',
  );
  await recordAudit(db, member.id, 'member.export', 'member', member.id, {
    files: Object.keys(files).length,
  });
  return zipSync(files, { level: 6 });
}
