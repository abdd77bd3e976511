// « Mes prestations » (SPEC §7): what the household received from the committee, year by year —
// the places it went on, the subsidies paid after the fact, the Solidarité grants — with the
// committee's part of each, the year's total and the annual ceiling it used.
import type { Benefit, BenefitYear } from '@entraide/contract';
import { formatCents } from '@entraide/rules';
import type { Queryable } from '../../db/database.ts';
import { memberInvoices, placeInvoicesInForce } from '../billing/invoices.ts';
import { CLAIM_TYPES, memberClaims } from '../claims/claims.ts';
import { currentEntitlements } from '../household/agent-records.ts';
import { memberRegistrations, yearUsage } from '../registrations/registration-requests.ts';
import { memberSolidarity } from '../solidarity/solidarity.ts';

const firstNames = (people: readonly { firstName: string }[]): string =>
  people.map((p) => p.firstName).join(', ');

/** Every year the household received something, newest first. */
export async function memberBenefits(db: Queryable, memberId: string): Promise<BenefitYear[]> {
  const inForce = placeInvoicesInForce(await memberInvoices(db, memberId));
  const byYear = new Map<number, Benefit[]>();
  const add = (year: number, benefit: Benefit) =>
    byYear.set(year, [...(byYear.get(year) ?? []), benefit]);

  for (const r of await memberRegistrations(db, memberId)) {
    const invoice = inForce.find((i) => i.registrationId === r.id);
    const choice = r.choices[(r.placedRank ?? 1) - 1];
    if (r.status !== 'confirmed' || !invoice || !choice) continue;
    add(r.year, {
      label: `${choice.activityTitle} — ${choice.sessionLabel} (${firstNames(r.participants)})`,
      link: '/espace/factures',
      firstDay: choice.firstDay,
      lastDay: choice.lastDay,
      subsidyCents: invoice.subsidyCents,
      ownCents: invoice.totalCents,
      state: `facture ${invoice.reference}`,
    });
  }
  for (const c of await memberClaims(db, memberId)) {
    if (c.status !== 'approved' && c.status !== 'paid') continue;
    const granted = c.approvedCents ?? 0;
    add(c.year, {
      label: `Demande n° ${String(c.number)} — ${CLAIM_TYPES[c.type].label} (${c.participant.firstName})`,
      link: '/espace/subventions',
      firstDay: c.details.firstDay,
      lastDay: c.details.lastDay,
      subsidyCents: granted,
      ownCents: Math.max(0, c.details.paidCents - granted),
      state: c.status === 'paid' ? 'versée' : 'accordée, versement à venir',
    });
  }
  for (const s of await memberSolidarity(db, memberId)) {
    if (s.status !== 'granted' || s.decidedOn === null) continue;
    const granted = s.grantedCents ?? 0;
    const loan = s.kind === 'loan';
    add(Number(s.decidedOn.slice(0, 4)), {
      label: `Solidarité n° ${String(s.number)} — ${loan ? 'prêt' : 'aide'} : ${s.purpose}`,
      link: '/espace/solidarite',
      firstDay: null,
      lastDay: null,
      subsidyCents: loan ? 0 : granted,
      ownCents: null,
      state: loan
        ? `prêt de ${formatCents(granted)} à rembourser${s.months ? ` en ${String(s.months)} mois` : ''}`
        : 'aide accordée',
    });
  }

  const years: BenefitYear[] = [];
  for (const year of [...byYear.keys()].sort((a, b) => b - a)) {
    // In the order they came in the year; the grants, with no days, last.
    const benefits = (byYear.get(year) ?? []).sort((a, b) =>
      (a.firstDay ?? '9999').localeCompare(b.firstDay ?? '9999'),
    );
    const ceilingCents = (await currentEntitlements(db, memberId, year))?.annualCeilingCents;
    years.push({
      year,
      benefits,
      subsidyCents: benefits.reduce((sum, b) => sum + b.subsidyCents, 0),
      ceiling:
        ceilingCents === null || ceilingCents === undefined
          ? null
          : {
              cents: ceilingCents,
              usedCents: (await yearUsage(db, memberId, 'member', year)).ceilingCents,
            },
    });
  }
  return years;
}
