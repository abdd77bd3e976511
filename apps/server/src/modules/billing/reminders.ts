import type { ActivitySector } from '@entraide/contract';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { AppContext } from '../accounts/context.ts';
import { templates } from '../notifications/templates.ts';
import { lockedInvoiceAccount } from './payment-plans.ts';
import { addDays } from './working-days.ts';

/** The scheduled job: a reminder by e-mail a week before each instalment still to pay, once. */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  const today = ctx.today();
  const due = await ctx.db.query<{
    id: string;
    invoice_id: string;
    reference: string;
    due_on: string;
    email: string;
    first_name: string;
    sector: ActivitySector;
  }>(
    `SELECT n.id, n.invoice_id, i.reference, i.sector, n.due_on::text AS due_on, u.email, u.first_name
       FROM instalments n JOIN invoices i ON i.id = n.invoice_id JOIN users u ON u.id = i.member_id
      WHERE NOT n.cancelled AND n.reminded_at IS NULL AND n.due_on BETWEEN $1 AND $2
      ORDER BY n.due_on`,
    [today, addDays(today, 7)],
  );
  let sent = 0;
  for (const instalment of due) {
    await ctx.db.transaction(async (tx) => {
      // A payment being recorded is waited for: the reminder asks what is left after it, or nothing.
      const account = await lockedInvoiceAccount(tx, instalment.invoice_id);
      const line = account.instalments.find((i) => i.id === instalment.id);
      const left = line ? line.amountCents - line.paidCents : 0;
      if (left > 0) {
        await ctx.mailer.send(
          tx,
          instalment.email,
          templates.instalmentDue(ctx.organization, instalment.sector, instalment.first_name, {
            reference: instalment.reference,
            dueOn: formatIsoDate(instalment.due_on),
            amount: formatCents(left),
          }),
        );
        sent += 1;
      }
      await tx.query('UPDATE instalments SET reminded_at = now() WHERE id = $1', [instalment.id]);
    });
  }
  return sent;
}
