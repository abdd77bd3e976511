import { bankAccountInput, claimInput } from '@entraide/contract';
import type { AppContext } from '../modules/accounts/context.ts';
import type { CurrentUser } from '../modules/accounts/session-cookies.ts';
import { decideClaim, submitClaim } from '../modules/claims/claims.ts';
import { addBankAccount } from '../modules/household/bank-accounts.ts';
import { addDocument, type DocumentStore } from '../modules/household/documents.ts';
import { demoPdf } from './demo-pdf.ts';

/**
 * The demo's claims, made through the real use cases: the family's RIB, then a festival ticket of
 * the member's and her daughter's train ticket to a stay, each with its PDF receipt, waiting in
 * the Loisirs-Culture and Jeunesse queues, and the member's half-marathon entry, granted by the
 * Sports desk — so « Mes prestations » has a benefit and the accounting desk a payout to prepare.
 * Inserm only: the caps of claims are Inserm's barème.
 */
export async function loadDemoClaims(
  ctx: AppContext,
  store: DocumentStore,
  family: CurrentUser,
  sports: CurrentUser,
): Promise<void> {
  if (ctx.organization.id !== 'inserm') return;
  await addBankAccount(
    ctx.db,
    family,
    bankAccountInput.parse({
      holder: `${family.firstName} ${family.lastName}`,
      iban: 'FR76 3000 6000 0112 3456 7890 189',
      bic: 'AGRIFRPP882',
    }),
  );
  const claims = [
    {
      receipt: 'Billet — Printemps de Bourges',
      type: 'festival',
      dependantIndex: null,
      organism: 'Printemps de Bourges',
      firstDay: '2021-04-06',
      lastDay: '2021-04-08',
      paidCents: 12_500,
    },
    {
      receipt: 'Billet SNCF Paris – Annecy aller-retour, 2de classe',
      type: 'trainTicket',
      dependantIndex: 1,
      organism: 'Colonie des Aravis',
      firstDay: '2021-02-20',
      lastDay: '2021-02-27',
      paidCents: 8_640,
    },
    {
      receipt: 'Inscription — Semi-marathon de Lyon',
      type: 'sportEvent',
      dependantIndex: null,
      organism: 'Semi-marathon de Lyon',
      firstDay: '2021-04-11',
      lastDay: '2021-04-11',
      paidCents: 4_500,
      granted: true,
    },
  ] as const;
  for (const { receipt, ...claim } of claims) {
    const document = await addDocument(
      ctx.db,
      store,
      family,
      'receipt',
      'justificatif.pdf',
      await demoPdf(`${receipt} — ${family.firstName} ${family.lastName}`),
    );
    const submitted = await submitClaim(
      ctx,
      family,
      claimInput.parse({ ...claim, documentIds: [document.id] }),
    );
    if ('granted' in claim) await decideClaim(ctx, sports, submitted.id, { decision: 'approve' });
  }
}
