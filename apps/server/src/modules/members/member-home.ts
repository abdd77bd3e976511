import type { MemberHome } from '@entraide/contract';
import { formatCents, formatIsoDate } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { invoiceAccount } from '../billing/payment-plans.ts';
import { memberInvoices, placeInvoicesInForce } from '../billing/invoices.ts';
import { addDays } from '../billing/working-days.ts';
import { CLAIM_TYPES, memberClaims } from '../claims/claims.ts';
import { recordVersions } from '../household/agent-records.ts';
import { memberRegistrations } from '../registrations/registration-requests.ts';

type ToDo = MemberHome['todo'][number];
type YearSubsidy = MemberHome['subsidies'][number];
type FileProgress = MemberHome['files'][number];

/** Where a request stands once answered, as its second step says it. */
const ANSWER_LABELS: Readonly<Record<string, string>> = {
  confirmed: 'Place confirmée',
  waiting: 'Liste d’attente',
  refused: 'Pas de place',
  cancelled: 'Retirée',
};

/** What the Fiche Agent of the year asks of the member, if anything. */
async function recordToDo(db: Queryable, member: CurrentUser, year: number): Promise<ToDo[]> {
  const [latest] = await recordVersions(db, member.id, year);
  if (!latest || latest.status === 'draft')
    return [
      {
        kind: 'action',
        text: `Remplissez et envoyez votre Fiche Agent ${year} : vos taux de subvention en dépendent.`,
        link: '/espace/fiche',
      },
    ];
  if (latest.status === 'rejected')
    return [
      {
        kind: 'action',
        text: `Corrigez votre Fiche Agent ${year}, refusée${latest.rejectionReason ? ` : ${latest.rejectionReason}` : ''}.`,
        link: '/espace/fiche',
      },
    ];
  if (latest.status === 'submitted')
    return [
      {
        kind: 'waiting',
        text: `Votre Fiche Agent ${year} attend la validation d’un gestionnaire.`,
        link: '/espace/fiche',
      },
    ];
  return [];
}

/**
 * The member's home: what to do first, the year's subsidies against the ceiling (the same
 * places and claims the ceiling counts), the files with their steps, and every mail sent.
 */
export async function memberHome(ctx: AppContext, member: CurrentUser): Promise<MemberHome> {
  const { db } = ctx;
  const today = ctx.today();
  const year = Number(today.slice(0, 4));
  const todo: ToDo[] = await recordToDo(db, member, year);

  const registrations = await memberRegistrations(db, member.id);
  const claims = await memberClaims(db, member.id);
  const issued = await memberInvoices(db, member.id);
  const invoices = issued.filter((i) => i.kind === 'invoice');
  // A place is settled when its invoice in force is: not a fee's, nor one a credit note cancelled.
  const inForce = new Set(placeInvoicesInForce(issued).map((i) => i.id));
  const accounts = await Promise.all(invoices.map((i) => invoiceAccount(db, i.id)));

  const withinAMonth = addDays(today, 31);
  invoices.forEach((invoice, i) => {
    const soon = accounts[i]?.instalments.find(
      (due) => due.paidCents < due.amountCents && due.dueOn <= withinAMonth,
    );
    if (soon)
      todo.push({
        kind: 'action',
        text: `Échéance de ${formatCents(soon.amountCents - soon.paidCents)} le ${formatIsoDate(soon.dueOn)} (facture ${invoice.reference}).`,
        link: '/espace/factures',
      });
  });
  for (const r of registrations.filter((r) => r.status === 'requested'))
    todo.push({
      kind: 'waiting',
      text: `Demande n° ${r.number} (${r.choices[0]?.activityTitle ?? ''}) : réponse après la clôture des inscriptions.`,
      link: '/espace/inscriptions',
    });
  const [rib] = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM bank_accounts WHERE member_id = $1',
    [member.id],
  );
  const waitingForRib = claims.filter((c) => c.status === 'approved').length;
  if ((rib?.n ?? 0) === 0 && waitingForRib > 0)
    todo.push({
      kind: 'action',
      text: `Ajoutez un RIB : ${waitingForRib > 1 ? `${waitingForRib} subventions accordées attendent` : 'une subvention accordée attend'} pour vous être versée${waitingForRib > 1 ? 's' : ''}.`,
      link: '/espace/rib',
    });

  const subsidies: YearSubsidy[] = [
    ...registrations
      .filter((r) => r.status === 'confirmed' && r.year === year)
      .map((r) => {
        const rank = (r.placedRank ?? 1) - 1;
        return {
          label: `${r.choices[rank]?.activityTitle ?? ''} — ${r.choices[rank]?.sessionLabel ?? ''}`,
          cents: r.quotes[rank]?.usage.ceilingCents ?? 0,
          link: '/espace/factures',
        };
      }),
    ...claims
      .filter((c) => (c.status === 'approved' || c.status === 'paid') && c.year === year)
      .map((c) => ({
        label: `Demande n° ${c.number} — ${CLAIM_TYPES[c.type].label}`,
        cents: c.approvedCents ?? 0,
        link: '/espace/subventions',
      })),
  ];

  const files: FileProgress[] = [
    ...registrations.map((r) => {
      const invoice = invoices.findIndex((i) => i.registrationId === r.id && inForce.has(i.id));
      return {
        title: `Demande n° ${r.number} — ${r.choices[0]?.activityTitle ?? ''}`,
        link: '/espace/inscriptions',
        steps: [
          { label: 'Envoyée', reached: true },
          { label: ANSWER_LABELS[r.status] ?? 'Réponse', reached: r.status !== 'requested' },
          {
            label: 'Réglée',
            reached: invoice >= 0 && (accounts[invoice]?.balanceCents ?? 1) <= 0,
          },
        ],
      };
    }),
    ...claims.map((c) => ({
      title: `Subvention n° ${c.number} — ${CLAIM_TYPES[c.type].label}`,
      link: '/espace/subventions',
      steps: [
        { label: 'Envoyée', reached: true },
        {
          label: c.status === 'rejected' ? 'Refusée' : 'Accordée',
          reached: c.status !== 'submitted',
        },
        { label: 'Versée', reached: c.status === 'paid' },
      ],
    })),
  ];

  const inbox = await db.query<{ id: string; subject: string; text: string; sent_at: string }>(
    `SELECT id::text, subject, text_body AS text, created_at::text AS sent_at FROM mail_outbox
      WHERE to_address = $1 ORDER BY id DESC LIMIT 50`,
    [member.email],
  );
  return {
    year,
    todo,
    subsidies,
    files,
    inbox: inbox.map((m) => ({
      id: m.id,
      subject: m.subject,
      text: m.text,
      sentAt: m.sent_at.slice(0, 16),
    })),
  };
}
