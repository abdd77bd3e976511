import type { BankAccount, BankAccountInput } from '@entraide/contract';
import type { Database, Queryable } from '../../db/database.ts';
import { HttpError, notFound, requireUuid } from '../../http.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { lockMember } from '../accounts/members.ts';

const mask = (iban: string): string => `${iban.slice(0, 4)} •••• ${iban.slice(-4)}`;

export async function listBankAccounts(db: Queryable, memberId: string): Promise<BankAccount[]> {
  const rows = await db.query<{
    id: string;
    holder: string;
    iban: string;
    bic: string;
    is_default: boolean;
  }>(
    'SELECT id, holder, iban, bic, is_default FROM bank_accounts WHERE member_id = $1 ORDER BY is_default DESC, created_at',
    [memberId],
  );
  return rows.map((r) => ({
    id: r.id,
    holder: r.holder,
    ibanMasked: mask(r.iban),
    bic: r.bic,
    isDefault: r.is_default,
  }));
}

/** Adds a RIB; the first one becomes the default. */
export async function addBankAccount(
  db: Database,
  member: CurrentUser,
  input: BankAccountInput,
): Promise<BankAccount[]> {
  return db.transaction(async (tx) => {
    await lockMember(tx, member.id);
    const [duplicate] = await tx.query(
      'SELECT 1 FROM bank_accounts WHERE member_id = $1 AND iban = $2',
      [member.id, input.iban],
    );
    if (duplicate) throw new HttpError(409, 'duplicate_account', 'Ce RIB est déjà enregistré.');
    const [existing] = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM bank_accounts WHERE member_id = $1',
      [member.id],
    );
    await tx.query(
      'INSERT INTO bank_accounts (member_id, holder, iban, bic, is_default) VALUES ($1, $2, $3, $4, $5)',
      [member.id, input.holder, input.iban, input.bic, (existing?.count ?? 0) === 0],
    );
    return listBankAccounts(tx, member.id);
  });
}

/**
 * One of the member's accounts, under the member's lock (the lock order's first step) then its
 * own: a change of default from two devices at once waits for the other, never meets two defaults.
 */
async function ownAccount(
  tx: Queryable,
  member: CurrentUser,
  id: string,
): Promise<{ is_default: boolean }> {
  requireUuid(id);
  await lockMember(tx, member.id);
  const [row] = await tx.query<{ is_default: boolean }>(
    'SELECT is_default FROM bank_accounts WHERE id = $1 AND member_id = $2 FOR UPDATE',
    [id, member.id],
  );
  if (!row) throw notFound();
  return row;
}

export async function setDefaultBankAccount(
  db: Database,
  member: CurrentUser,
  id: string,
): Promise<BankAccount[]> {
  return db.transaction(async (tx) => {
    await ownAccount(tx, member, id);
    await tx.query(
      'UPDATE bank_accounts SET is_default = false WHERE member_id = $1 AND is_default',
      [member.id],
    );
    await tx.query('UPDATE bank_accounts SET is_default = true WHERE id = $1', [id]);
    return listBankAccounts(tx, member.id);
  });
}

/** Removes a RIB; when it was the default, the oldest remaining one becomes the default. */
export async function removeBankAccount(
  db: Database,
  member: CurrentUser,
  id: string,
): Promise<BankAccount[]> {
  return db.transaction(async (tx) => {
    const account = await ownAccount(tx, member, id);
    await tx.query('DELETE FROM bank_accounts WHERE id = $1', [id]);
    if (account.is_default) {
      await tx.query(
        'UPDATE bank_accounts SET is_default = true WHERE id = (SELECT id FROM bank_accounts WHERE member_id = $1 ORDER BY created_at LIMIT 1)',
        [member.id],
      );
    }
    return listBankAccounts(tx, member.id);
  });
}
