// What a pack's figures must be, each fault named at its path (issue 12), and the registry.
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { compilePack, PackRegistry } from './pack.ts';
import { cnrs2019, inserm2021, packFile } from './test-fixtures.ts';

// The pack files are data of any shape: the tests change them as a staff member could.
/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- a pack file is JSON of any shape here */
type Data = any;
const fresh = (name = 'inserm-2021'): Data => packFile(name);

/** The one fault of a pack changed by `change`, as path → message. */
function faultOf(change: (data: Data) => void, name = 'inserm-2021') {
  const data = fresh(name);
  change(data);
  try {
    compilePack(data);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(RulesError);
    const { code, message, issues } = error as RulesError;
    expect(code).toBe('invalid_pack');
    expect(issues).toHaveLength(1);
    expect(message).toContain(`${issues[0]?.path ?? ''} `);
    return issues[0];
  }
}

describe('a pack’s figures, each checked at its own path', () => {
  it('parts go by quarters', () => {
    expect(faultOf((d) => (d.parts.single = '1.8'))).toEqual({
      path: 'parts.single',
      message: 'les parts vont par quarts (0,25)',
    });
    for (const field of [
      'coupleWithoutChild',
      'coupleWithChild',
      'perChild',
      'perSharedCustodyChild',
      'disabilityBonus',
      'perDisabledAdultDependant',
    ])
      expect(faultOf((d) => (d.parts[field] = '0.1'))?.path).toBe(`parts.${field}`);
    for (const field of ['perPerson', 'disabilityBonus', 'livingAloneBonus'])
      expect(faultOf((d) => (d.parts[field] = '0.3'), 'cnrs-2019')?.path).toBe(`parts.${field}`);
    for (const field of ['alone', 'member', 'perChild'])
      expect(faultOf((d) => (d.parts.isolatedParent[field] = '0.3'), 'cnrs-2019')?.path).toBe(
        `parts.isolatedParent.${field}`,
      );
  });

  it('grids: a formula’s figures, an offset grid’s base and plus', () => {
    expect(faultOf((d) => (d.grids.standard.formula.min = '10.123'))?.path).toBe(
      'grids.standard.formula.min',
    );
    expect(faultOf((d) => (d.grids.majore.plus = '10.001'))?.path).toBe('grids.majore.plus');
    expect(faultOf((d) => (d.grids.majore.base = 'promotionnel'))).toEqual({
      path: 'grids.majore.base',
      message: "la grille « promotionnel » n'a pas de formule",
    });
    expect(faultOf((d) => (d.grids.majore.base = 'absente'))?.path).toBe('grids.majore.base');
    expect(faultOf((d) => (d.gridRules[0].grid = 'absente'))).toEqual({
      path: 'gridRules.0.grid',
      message: 'grille « absente » inconnue',
    });
    expect(faultOf((d) => (d.promo.overflowGrid = 'absente'))).toEqual({
      path: 'promo.overflowGrid',
      message: 'grille « absente » inconnue',
    });
  });

  it('cap categories: day tiers from day 1 and rising, amounts to the cent', () => {
    const tiersFault = {
      path: 'capCategories.skiLanguageAbroad.perDay',
      message: 'les paliers commencent au jour 1 et sont croissants',
    };
    expect(faultOf((d) => (d.capCategories.skiLanguageAbroad.perDay[0].fromDay = 2))).toEqual(
      tiersFault,
    );
    expect(faultOf((d) => (d.capCategories.skiLanguageAbroad.perDay[1].fromDay = 1))).toEqual(
      tiersFault,
    );
    expect(
      faultOf((d) => d.capCategories.skiLanguageAbroad.perDay.push({ fromDay: 16, euros: '80' })),
    ).toEqual(tiersFault);
    expect(
      faultOf((d) => d.capCategories.skiLanguageAbroad.perDay.push({ fromDay: 17, euros: '80' })),
    ).toBeNull();
    expect(faultOf((d) => (d.capCategories.dayCentre.perDay[0].euros = '30.001'))?.path).toBe(
      'capCategories.dayCentre.perDay.0.euros',
    );
    expect(faultOf((d) => (d.capCategories.festival.perStayEuros = '100.001'))?.path).toBe(
      'capCategories.festival.perStayEuros',
    );
    expect(faultOf((d) => (d.capCategories.mobileHome.baseShare = '50.001'))?.path).toBe(
      'capCategories.mobileHome.baseShare',
    );
  });

  it('the ceiling table: each row’s minimum under its maximum, the quotients in order', () => {
    expect(faultOf((d) => (d.annualCeiling.single[1].min = '2000'))).toEqual({
      path: 'annualCeiling.single.1',
      message: 'le minimum dépasse le maximum',
    });
    expect(faultOf((d) => (d.annualCeiling.couple[0].max = '1500.001'))?.path).toBe(
      'annualCeiling.couple.0.max',
    );
    expect(faultOf((d) => (d.annualCeiling.single[0].min = '1050'))).toBeNull();
    expect(faultOf((d) => (d.annualCeiling.qfForMinimumEuros = 7787))).toEqual({
      path: 'annualCeiling.qfForMinimumEuros',
      message: 'doit dépasser qfForMaximumEuros',
    });
  });

  it('the ski aid, the deposit and the fees', () => {
    expect(faultOf((d) => (d.skiAid.formula.max = '95.001'))?.path).toBe('skiAid.formula.max');
    expect(faultOf((d) => (d.deposit.share = '30.001'))?.path).toBe('deposit.share');
    expect(faultOf((d) => (d.deposit.minEuros = '60.001'), 'cnrs-2019')?.path).toBe(
      'deposit.minEuros',
    );
    expect(faultOf((d) => (d.fees[1].euros = '15.001'), 'cnrs-2019')?.path).toBe('fees.1.euros');
  });
});

describe('what a pack compiles to', () => {
  it('the ski aid’s limit and the sentence for a quotient above it', () => {
    expect(inserm2021.skiAid).toMatchObject({
      qfLimitCents: 1_469_400,
      ineligibleReason: 'quotient familial supérieur à 14\u202f694,00\u00a0€',
    });
    const data = fresh();
    data.skiAid.qfLimitInclusive = false;
    expect(compilePack(data).skiAid?.ineligibleReason).toBe(
      'quotient familial égal ou supérieur à 14\u202f694,00\u00a0€',
    );
  });

  it('optional figures default to none', () => {
    const data = fresh();
    delete data.deposit.fullPaymentWithinDays;
    delete data.fees;
    delete data.restrictedRelations;
    const pack = compilePack(data);
    expect(pack.deposit).toEqual({
      label: 'Acompte',
      shareBp: 3000,
      minCents: 0,
      fullPaymentWithinDays: null,
    });
    expect(pack.fees).toBeNull();
    expect(pack.restrictedRelations).toEqual({});
    expect(pack.capCategories?.get('approvedRental')).toMatchObject({
      minDays: null,
      minNights: 2,
      perStayCents: null,
      baseShareBp: null,
    });
    expect(pack.capCategories?.get('holidayCentreFrance')).toMatchObject({
      minDays: 5,
      minNights: null,
    });
    expect(cnrs2019.deposit).toEqual({
      label: 'Arrhes',
      shareBp: 2000,
      minCents: 6_000,
      fullPaymentWithinDays: 30,
    });
    expect(cnrs2019.fees?.map((f) => [f.id, f.cents, f.yearly])).toEqual([
      ['dossier', 800, false],
      ['membership', 1_500, true],
    ]);
    expect(inserm2021.ratesTemplate).toEqual({ standard: 0, majore: 0, promotionnel: 0 });
    expect(inserm2021.grids?.get('majore')).toMatchObject({
      kind: 'offset',
      base: 'standard',
      plusBp: 1_000,
    });
  });
});

describe('the registry', () => {
  const registry = new PackRegistry([cnrs2019, inserm2021]);
  it('lists its packs in order and refuses the same id twice', () => {
    expect(new PackRegistry([inserm2021, cnrs2019]).ids()).toEqual(['cnrs-2019', 'inserm-2021']);
    expect(() => new PackRegistry([inserm2021, inserm2021])).toThrow(
      expect.objectContaining({
        code: 'invalid_pack',
        issues: [{ path: 'id', message: 'barème « inserm-2021 » en double' }],
      }) as Error,
    );
  });
  it('says which packs exist when asked for another', () => {
    expect(() => registry.get('inserm-1999')).toThrow(
      expect.objectContaining({
        message: 'Barème inconnu : « inserm-1999 ». Barèmes disponibles : cnrs-2019, inserm-2021.',
        issues: [{ path: 'pack', message: 'barème « inserm-1999 » inconnu' }],
      }) as Error,
    );
    // A page of text, or invisible characters, is not named back.
    for (const sent of ['é'.repeat(1_000), 'x\u0000y', ''])
      expect(() => registry.get(sent)).toThrow(
        expect.objectContaining({
          message: 'Barème inconnu. Barèmes disponibles : cnrs-2019, inserm-2021.',
          issues: [{ path: 'pack', message: 'barème inconnu' }],
        }) as Error,
      );
  });
  it('finds the pack of an organization in force on a day, from its first to its last', () => {
    expect(registry.forDay('inserm', inserm2021.data.validity.from).id).toBe('inserm-2021');
    expect(registry.forDay('inserm', inserm2021.data.validity.to).id).toBe('inserm-2021');
    expect(registry.forDay('cnrs', cnrs2019.data.validity.to).id).toBe('cnrs-2019');
    expect(() =>
      registry.forDay(
        'inserm',
        cnrs2019.data.validity.from < inserm2021.data.validity.from
          ? cnrs2019.data.validity.from
          : '1999-01-01',
      ),
    ).toThrow(
      expect.objectContaining({
        code: 'unknown_pack',
        message: `Aucun barème inserm n'est en vigueur le ${cnrs2019.data.validity.from < inserm2021.data.validity.from ? cnrs2019.data.validity.from : '1999-01-01'}.`,
        issues: [{ path: 'date', message: 'aucun barème inserm en vigueur à cette date' }],
      }) as Error,
    );
    expect(() => registry.forDay('cnrs', inserm2021.data.validity.to)).toThrow(RulesError);
  });
  it('explains a schema fault with every path', () => {
    const data = fresh();
    data.deposit.share = 30;
    data.parts.childMaxAge = 'vingt-six';
    try {
      compilePack(data);
      expect.unreachable();
    } catch (error) {
      expect((error as RulesError).message).toMatch(/^Barème invalide : /);
      expect((error as RulesError).message).toContain(' ; ');
      expect((error as RulesError).issues.map((i) => i.path).sort()).toEqual([
        'deposit.share',
        'parts.childMaxAge',
      ]);
    }
  });
});
