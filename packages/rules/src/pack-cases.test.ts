// Issue 17, point 2: the test cases a pack carries, run on every pack shipped, and what a failing
// or malformed case says.
import { describe, expect, it } from 'vitest';
import { RulesError } from './errors.ts';
import { runCli } from './cli.ts';
import { runPackCases } from './pack-cases.ts';
import { compilePack, PackRegistry } from './pack.ts';
import { packFile, packs } from './test-fixtures.ts';

/** Inserm 2021 with its cases changed the way a staff member could write them. */
const withCases = (cases: unknown[]) => compilePack({ ...packFile(), cases });

const couple = {
  name: 'Couple avec deux enfants',
  source: 'guide p. 4',
  date: '2021-06-01',
  household: {
    taxIncomeEuros: 20_000,
    couple: true,
    children: [{ birthDate: '2012-03-04' }, { birthDate: '2015-09-21' }],
  },
};

describe('a pack’s test cases', () => {
  it('every pack shipped with cases passes them all', () => {
    for (const pack of packs.all()) {
      const results = runPackCases(pack);
      if (pack.parts) expect(results.length, pack.id).toBeGreaterThan(0);
      for (const result of results) expect(result.differences, result.name).toEqual([]);
    }
  });

  it('says each figure that differs, in French, with what was expected and what came', () => {
    const pack = withCases([
      {
        ...couple,
        expect: {
          parts: 3.5,
          quotientCents: 500_000,
          ratesBp: { standard: 5_900, inconnue: 100 },
          annualCeilingCents: null,
        },
      },
    ]);
    expect(runPackCases(pack)).toEqual([
      {
        name: 'Couple avec deux enfants',
        source: 'guide p. 4',
        differences: [
          'parts : attendu 3,5, obtenu 4',
          'taux standard : attendu 59,00\u00a0%, obtenu 60,00\u00a0%',
          'taux inconnue : ce barème n’a pas cette grille',
          'plafond annuel : attendu aucun, obtenu 3\u202f000,00\u00a0€',
        ],
      },
    ]);
  });

  const stay = {
    participant: { birthDate: '2012-03-04' },
    activity: {
      sector: 'jeunesse',
      kind: 'caes',
      capCategory: 'holidayCentreFrance',
      firstDay: '2021-07-10',
      lastDay: '2021-07-16',
      priceCents: 50_000,
    },
  };

  it('prices the case’s stay on its household, and says each of its figures that differs', () => {
    // 4 parts, the majoré grid's 70 %: 350 € of 500 €, 150 € left, 30 % of it as deposit.
    const pack = withCases([
      {
        ...couple,
        stay,
        expect: { subsidyCents: 35_000, leftToPayCents: 14_000, depositCents: 4_500, feesCents: 0 },
      },
    ]);
    expect(runPackCases(pack)[0]?.differences).toEqual([
      'reste à payer : attendu 140,00\u00a0€, obtenu 150,00\u00a0€',
    ]);
  });

  it('prices a flat claim, and says why a stay cannot be priced instead of failing', () => {
    const pack = withCases([
      {
        ...couple,
        claim: { kind: 'sportEvent', paidCents: 30_000 },
        expect: { subsidyCents: 15_000 },
      },
      {
        ...couple,
        stay: { ...stay, activity: { ...stay.activity, capCategory: 'lune' } },
        expect: { subsidyCents: 1 },
      },
    ]);
    expect(runPackCases(pack).map((result) => result.differences)).toEqual([
      ['subvention : attendu 150,00\u00a0€, obtenu 100,00\u00a0€'],
      [expect.stringMatching(/^impossible de chiffrer le séjour : .+/)],
    ]);
  });

  it('refuses a case with both a stay and a claim, or a stay’s figure without a stay', () => {
    expect(() =>
      withCases([{ ...couple, stay, claim: { kind: 'sportEvent', paidCents: 1 }, expect: {} }]),
    ).toThrow(/cases\.0\.claim/);
    expect(() => withCases([{ ...couple, expect: { depositCents: 1 } }])).toThrow(
      /cases\.0\.expect\.depositCents/,
    );
  });

  it('refuses a malformed case when the pack is loaded, naming the field', () => {
    const load = () => withCases([{ ...couple, household: { couple: true }, expect: {} }]);
    expect(load).toThrow(RulesError);
    expect(load).toThrow(/cases\.0\.household\.taxIncomeEuros/);
  });
});

describe('entraide-rules test', () => {
  const run = (registry: PackRegistry, ...argv: string[]) => {
    const out: string[] = [];
    const code = runCli(['test', ...argv], registry, {
      out: (t) => out.push(t),
      err: (t) => out.push(t),
    });
    return { code, out };
  };

  it('runs every pack’s cases and exits 0 when all pass', () => {
    const { code, out } = run(packs);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^\d+ cas réussis, 0 en échec$/);
    expect(out).toContain('inserm-2023 : aucun cas de test');
  });

  it('exits 1 and shows the differences of a failing case, for one pack with --pack', () => {
    const broken = withCases([{ ...couple, expect: { parts: 3 } }]);
    const { code, out } = run(new PackRegistry([broken]), '--pack', 'inserm-2021');
    expect(code).toBe(1);
    expect(out).toEqual([
      'ÉCHEC   inserm-2021 — Couple avec deux enfants (guide p. 4)',
      '          parts : attendu 3, obtenu 4',
      '0 cas réussi, 1 en échec',
    ]);
  });
});
