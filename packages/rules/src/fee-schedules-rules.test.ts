// Cancellation and modification fees, band by band, with the sentence staff and members read
// (issue 12; issue 13 changes the CNRS village bands as its conditions mean them).
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import {
  cancellationFee,
  modificationFee,
  type CancellationInput,
  type ModificationInput,
} from './fee-schedules.ts';
import type { Pack } from './pack.ts';
import { quoteStay, type StayQuote } from './stay-quote.ts';
import { compilePack } from './pack.ts';
import { cnrs2019, inserm2021, packFile, stay } from './test-fixtures.ts';

const plain = (text: string | undefined) => text?.replace(/[\u00a0\u202f]/g, ' ');
const cancel = (pack: Pack, input: Partial<CancellationInput>) => {
  const fee = cancellationFee(pack, {
    venue: 'caesVillage',
    daysBeforeStart: 40,
    justified: false,
    noShow: false,
    invoiceCents: 100_000,
    leftToPayCents: 100_000,
    organismFeeCents: 5_000,
    ...input,
  });
  expect(fee.explanation).toHaveLength(1);
  expect(fee.explanation[0]?.step).toBe('cancellation');
  return [fee.feeCents, plain(fee.explanation[0]?.text)];
};
const modify = (input: Partial<ModificationInput>) => {
  const fee = modificationFee(cnrs2019, {
    venue: 'caesVillage',
    modificationNumber: 1,
    daysBeforeStart: 40,
    onArrival: false,
    removedCents: 30_000,
    organismFeeCents: 2_000,
    ...input,
  });
  expect(fee.explanation[0]?.step).toBe('modification');
  return [fee.feeCents, plain(fee.explanation[0]?.text)];
};

describe('cancelling', () => {
  it('a CNRS village, band by band', () => {
    expect(cancel(cnrs2019, {})).toEqual([
      6_000,
      'Frais d’annulation : plus de 30 jours avant le début : forfait = 60,00 €',
    ]);
    expect(cancel(cnrs2019, { daysBeforeStart: 30 })).toEqual([
      20_000,
      'Frais d’annulation : entre 30 et 15 jours avant le début : totalité des arrhes (20,00 % de 1 000,00 € restant à payer, au moins 60,00 €) = 200,00 €',
    ]);
    expect(cancel(cnrs2019, { daysBeforeStart: 15 })[0]).toBe(20_000);
    expect(cancel(cnrs2019, { daysBeforeStart: 14 })).toEqual([
      50_000,
      'Frais d’annulation : moins de 15 jours avant le début : 50,00 % × 1 000,00 € = 500,00 €',
    ]);
    expect(cancel(cnrs2019, { noShow: true })).toEqual([
      100_000,
      'Frais d’annulation : non-présentation : 100,00 % × 1 000,00 € = 1 000,00 €',
    ]);
    expect(cancel(cnrs2019, { justified: true, daysBeforeStart: 3 })).toEqual([
      6_000,
      'Frais d’annulation : désistement justifié : forfait = 60,00 €',
    ]);
    expect(cancel(cnrs2019, { invoiceCents: 1_000 })[0]).toBe(1_000);
  });

  it('elsewhere for the CNRS: the organism’s fee, at least 60 €; Inserm: the provider’s terms', () => {
    expect(cancel(cnrs2019, { venue: 'other' })).toEqual([
      6_000,
      'Frais d’annulation : frais de l’organisme (50,00 €), au moins 60,00 € = 60,00 €',
    ]);
    expect(cancel(cnrs2019, { venue: 'other', organismFeeCents: 9_000 })[0]).toBe(9_000);
    expect(cancel(inserm2021, {})).toEqual([
      5_000,
      'Frais d’annulation : conditions du prestataire sur le coût avant subvention, entièrement à la charge de la famille = 50,00 €',
    ]);
  });

  it('names each faulty figure', () => {
    try {
      cancellationFee(cnrs2019, {
        venue: 'caesVillage',
        daysBeforeStart: 1.5,
        justified: false,
        noShow: false,
        invoiceCents: -1,
        leftToPayCents: 0.5,
        organismFeeCents: -2,
      });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(RulesError);
      expect(
        Object.fromEntries((error as RulesError).issues.map((i) => [i.path, i.message])),
      ).toEqual({
        invoiceCents: 'le montant ne peut pas être négatif',
        leftToPayCents: 'montant entier en centimes attendu',
        organismFeeCents: 'le montant ne peut pas être négatif',
        daysBeforeStart: 'nombre entier de jours attendu',
      });
    }
  });
});

describe('cancelling a CNRS village week: every band, booked early or late, justified or not', () => {
  // A 700 € week, 40 % subsidised: 420 € left to pay, so the arrhes are 84 € (20 %, at least 60 €).
  const week = (requestDate: string) =>
    quoteStay(
      cnrs2019,
      stay({
        participant: { relation: 'member', birthDate: '1980-01-01', disabled: false },
        activity: {
          sector: 'vacances',
          kind: 'caesVillage',
          firstDay: '2020-07-04',
          lastDay: '2020-07-11',
          priceCents: 70_000,
        },
        quotientCents: 1_231_000,
        requestDate,
      }),
    );
  const early = week('2020-03-16');
  const late = week('2020-06-20');
  it('the quotes: arrhes early, everything late, and the same amount left to pay', () => {
    expect(early.rateBp).toBe(3825);
    expect(early.leftToPayCents).toBe(43_225);
    expect(early.depositCents).toBe(8_645);
    expect(late.depositCents).toBe(late.leftToPayCents);
  });
  const fee = (quote: StayQuote, daysBeforeStart: number, justified: boolean, noShow = false) =>
    cancellationFee(cnrs2019, {
      venue: 'caesVillage',
      daysBeforeStart,
      justified,
      noShow,
      invoiceCents: quote.totalToPayCents,
      leftToPayCents: quote.leftToPayCents,
      organismFeeCents: 0,
    }).feeCents;
  it.each([
    // days before, justified, no-show, fee
    [45, false, false, 6_000],
    [31, false, false, 6_000],
    [30, false, false, 8_645],
    [25, false, false, 8_645],
    [15, false, false, 8_645],
    [14, false, false, 21_613],
    [10, false, false, 21_613],
    [0, false, true, 43_225],
    [45, true, false, 6_000],
    [25, true, false, 6_000],
    [10, true, false, 6_000],
  ])(
    '%i days before (justified %s, no-show %s): %i cents, booked early or late',
    (days, justified, noShow, cents) => {
      expect(fee(early, days, justified, noShow)).toBe(cents);
      expect(fee(late, days, justified, noShow)).toBe(cents);
    },
  );
  it('cancelling 25 days before never costs more than 10 days before', () => {
    for (const quote of [early, late])
      expect(fee(quote, 25, false)).toBeLessThan(fee(quote, 10, false));
  });
});

describe('a CNRS schedule without its arrhes rule', () => {
  it('names the missing deposit rule between one month and 15 days', () => {
    const data = packFile('cnrs-2019');
    delete data.deposit;
    expect(() => cancel(compilePack(data), { daysBeforeStart: 20 })).toThrow(
      expect.objectContaining({
        code: 'missing_parameter',
        issues: [{ path: 'deposit', message: 'paramètre absent du barème cnrs-2019' }],
      }) as Error,
    );
  });
});

describe('modifying', () => {
  it('a CNRS village: the first change free and the second 8 € more than 30 days before, then 20 % of what is removed', () => {
    expect(modify({})).toEqual([
      0,
      'Frais de modification n° 1 : plus de 30 jours avant le début : forfait = 0,00 €',
    ]);
    expect(modify({ modificationNumber: 2 })).toEqual([
      800,
      'Frais de modification n° 2 : plus de 30 jours avant le début : forfait = 8,00 €',
    ]);
    expect(modify({ modificationNumber: 3 })).toEqual([
      6_000,
      'Frais de modification n° 3 : 20,00 % × 300,00 € de prestations supprimées = 60,00 €',
    ]);
    expect(modify({ daysBeforeStart: 30 })).toEqual([
      800,
      'Frais de modification n° 1 : moins de 30 jours avant le début : forfait = 8,00 €',
    ]);
    expect(modify({ daysBeforeStart: 30, modificationNumber: 2 })[0]).toBe(6_000);
    expect(modify({ onArrival: true })).toEqual([
      27_000,
      'Frais de modification n° 1 : à l’arrivée : 90,00 % × 300,00 € = 270,00 €',
    ]);
  });

  it('an addition is simply paid, even at the second modification', () => {
    expect(modify({ removedCents: 0, modificationNumber: 2 })).toEqual([
      0,
      'Frais de modification n° 2 : ajout de prestations : sans frais = 0,00 €',
    ]);
    expect(modify({ removedCents: 0, modificationNumber: 3, daysBeforeStart: 3 })[0]).toBe(0);
  });

  it('elsewhere: 0, 8 then 15 € for every further change, plus the organism’s fee', () => {
    expect(modify({ venue: 'other' })).toEqual([
      2_000,
      'Frais de modification n° 1 : 0,00 € + frais de l’organisme 20,00 € = 20,00 €',
    ]);
    expect(modify({ venue: 'other', modificationNumber: 2 })[0]).toBe(2_800);
    expect(modify({ venue: 'other', modificationNumber: 5 })).toEqual([
      3_500,
      'Frais de modification n° 5 : 15,00 € + frais de l’organisme 20,00 € = 35,00 €',
    ]);
  });

  it('names each faulty figure, and a pack without modification rules', () => {
    try {
      modificationFee(cnrs2019, {
        venue: 'caesVillage',
        modificationNumber: 0,
        daysBeforeStart: Number.NaN,
        onArrival: false,
        removedCents: -1,
        organismFeeCents: 1.5,
      });
      expect.unreachable();
    } catch (error) {
      expect(
        Object.fromEntries((error as RulesError).issues.map((i) => [i.path, i.message])),
      ).toEqual({
        removedCents: 'le montant ne peut pas être négatif',
        organismFeeCents: 'montant entier en centimes attendu',
        modificationNumber: 'numéro de modification à partir de 1',
        daysBeforeStart: 'nombre entier de jours attendu',
      });
    }
    expect(() => modify({ modificationNumber: 1.5 })).toThrow(RulesError);
    expect(() =>
      modificationFee(inserm2021, {
        venue: 'other',
        modificationNumber: 1,
        daysBeforeStart: 3,
        onArrival: false,
        removedCents: 0,
        organismFeeCents: 0,
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'missing_parameter',
        issues: [expect.objectContaining({ path: 'modification' })],
      }) as Error,
    );
  });
});
