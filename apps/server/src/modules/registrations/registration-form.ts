import { formatCents, formatIsoDate } from '@entraide/rules';
import type { AppContext } from '../accounts/context.ts';
import type { CurrentUser } from '../accounts/session-cookies.ts';
import { paymentMethodLabel } from '../billing/payments.ts';
import { FormWriter } from '../forms/pdf-text.ts';
import type { Registration } from './registration-requests.ts';

/** The registration request as the committee's paper form, pre-filled, to print and sign. */
export async function registrationFormPdf(
  ctx: AppContext,
  member: CurrentUser,
  registration: Registration,
): Promise<Uint8Array> {
  const name = `Demande d’inscription n° ${registration.number}`;
  const form = await FormWriter.create(name, ctx.organization);
  const p = registration.participant;
  form
    .documentTitle(name)
    .field(
      'Agent',
      `${member.lastName} ${member.firstName} (identifiant CAES ${member.identifier})`,
    )
    .field('Courriel', member.email)
    .field(
      'Participant',
      `${p.lastName} ${p.firstName}, date de naissance ${formatIsoDate(p.birthDate)}`,
    )
    .heading('Choix, par ordre de préférence');
  registration.choices.forEach((choice, i) => {
    const quote = registration.quotes[i];
    form.paragraph(
      `${i + 1}. ${choice.activityTitle} — ${choice.sessionLabel}, du ${formatIsoDate(choice.firstDay)} au ${formatIsoDate(choice.lastDay)}. Transport : ${choice.transportCity ?? 'moyens propres'}.${
        quote
          ? ` Prix ${formatCents(quote.priceCents + quote.transportCents)}, subvention ${formatCents(quote.subsidyCents)}, reste à payer ${formatCents(quote.leftToPayCents)}.`
          : ''
      }`,
    );
  });
  const first = registration.quotes[0];
  form
    .heading('Arrhes')
    .field('Montant des arrhes (choix 1)', first ? formatCents(first.depositCents) : null)
    .field('Mode de paiement', paymentMethodLabel(registration.depositMethod))
    .heading('Options')
    .field('Aide complémentaire ski demandée', registration.skiAid ? 'oui' : 'non')
    .field(
      'Assurance annulation (ni prise ni subventionnée par le comité)',
      registration.insurance ? 'oui' : 'non',
    )
    .field(
      'Ami ou amie non ayant droit (plein tarif, à la charge de l’agent)',
      registration.friend
        ? `${registration.friend.lastName} ${registration.friend.firstName}, date de naissance ${formatIsoDate(registration.friend.birthDate)}`
        : 'aucun',
    )
    .paragraph('Je certifie l’exactitude des renseignements ci-dessus.')
    .field('Date et signature', null);
  return form.save();
}
