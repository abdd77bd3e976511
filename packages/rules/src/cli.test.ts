import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { packs } from './test-fixtures.ts';

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(argv, packs, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SPEC_EXAMPLE = [
  'simulate',
  '--pack',
  'inserm-2021',
  '--rfr',
  '52000',
  '--couple',
  '--child',
  '2012-03-04',
  '--date',
  '2021-06-01',
];

describe('entraide-rules quote: parent isolé, per booking (SPEC §3)', () => {
  const week = [
    'quote',
    '--pack',
    'cnrs-2019',
    '--rfr',
    '30000',
    '--child',
    '2012-06-01:elsewhere',
    '--sector',
    'vacances',
    '--kind',
    'caesVillage',
    '--from',
    '2020-07-04',
    '--to',
    '2020-07-11',
    '--price',
    '300',
    '--participant',
    'member',
    '--birth',
    '1980-01-01',
    '--request-date',
    '2020-03-16',
  ];
  const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');
  it('going alone: 1.5 parts, so the 13 % floor', () => {
    const { code, out } = run(...week);
    expect(code).toBe(0);
    expect(plain(out)).toContain(
      'Nombre de parts CAES : 1,5 (parent isolé participant seul) = 1,5',
    );
    expect(plain(out)).toContain('parts 1.5 · quotient familial 20 000,00 €');
    expect(plain(out)).toContain(
      'Subvention du séjour (séjours de vacances et séjours jeunes dès 18 ans) : 300,00 € × 13,00 % = 39,00 €',
    );
  });
  it('with the child registered: 1 + 1 part, a lower quotient and a higher rate', () => {
    const { code, out } = run(...week, '--with-child', '2012-06-01');
    expect(code).toBe(0);
    expect(plain(out)).toContain(
      'Nombre de parts CAES : 1 (parent isolé) + 1 (1 enfant inscrit) = 2',
    );
    expect(plain(out)).toContain('parts 2 · quotient familial 15 000,00 €');
    expect(plain(out)).toContain('300,00 € × 26,62 % = 79,86 €');
  });
  it('refuses an unknown child flag in French', () => {
    const { code, err } = run(...week, '--child', '2012-06-01:away');
    expect(code).toBe(2);
    expect(err).toContain('option « away » inconnue (shared, disabled, elsewhere)');
  });
});

describe('entraide-rules command line', () => {
  it('prints the explained result in French', () => {
    const { code, out } = run(...SPEC_EXAMPLE);
    expect(code).toBe(0);
    expect(out).toContain(
      'Quotient familial : 52\u202f000,00\u00a0€ / 3 parts = 17\u202f333,33\u00a0€',
    );
    expect(out).toContain('Taux majoré : taux standard + 10 = 37,81\u00a0%');
    expect(out).toContain('plafond annuel : 1\u202f198,80\u00a0€');
  });
  it('prints the SPEC §8 answer with --json', () => {
    const answer = JSON.parse(run(...SPEC_EXAMPLE, '--json').out) as Record<string, unknown>;
    expect(answer).toMatchObject({
      pack: 'inserm-2021',
      parts: 3,
      quotientCents: 1_733_333,
      rates: { standard: 27.81, majore: 37.81, promotionnel: 52.81 },
      annualCeilingCents: 119_880,
      skiAidCents: null,
    });
  });
  it('takes shared custody, disability and the CNRS spouse income', () => {
    const answer = JSON.parse(
      run(
        'simulate',
        '--pack',
        'cnrs-2019',
        '--rfr',
        '30000',
        '--spouse-rfr',
        '20000',
        '--couple',
        '--child',
        '2010-01-01:shared:disabled',
        '--spouse-disabled',
        '--date',
        '2020-01-01',
        '--json',
      ).out,
    ) as { parts: number; quotientCents: number; rates: Record<string, number> };
    expect(answer.parts).toBe(4); // 3 persons + 2 × 0,5
    expect(answer.quotientCents).toBe(1_250_000);
    expect(Object.keys(answer.rates)).toEqual(['vacances', 'jeunesMoins18']);
  });
  it('quotes a stay', () => {
    const { code, out } = run(
      'quote',
      '--pack',
      'inserm-2021',
      '--qf',
      '13719',
      '--sector',
      'jeunesse',
      '--kind',
      'approved',
      '--from',
      '2021-07-10',
      '--to',
      '2021-07-16',
      '--price',
      '500',
      '--birth',
      '2009-03-01',
      '--request-date',
      '2021-03-01',
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'subvention 200,00\u00a0€ · reste à payer 300,00\u00a0€ · acompte 90,00\u00a0€',
    );
  });
  it('prints usage and exits 2 on a wrong flag or value', () => {
    for (const argv of [
      ['simulate', '--pack', 'inserm-2021', '--rfr', '1', '--bogus'],
      ['simulate', '--pack', 'inserm-2021', '--rfr', '12.5'],
      ['dance'],
      [],
    ]) {
      const { code, err } = run(...argv);
      expect(code).toBe(2);
      expect(err).toContain('Utilisation : entraide-rules');
    }
    expect(run('simulate', '--rfr', '1', '--bogus').err).toContain('option inconnue : --bogus');
  });
  it('exits 1 with the field and the reason when the rules refuse the input', () => {
    const { code, err } = run(
      'simulate',
      '--pack',
      'inserm-2021',
      '--rfr',
      '1',
      '--child',
      '2030-01-01',
      '--date',
      '2021-01-01',
    );
    expect(code).toBe(1);
    expect(err).toContain(
      'household.children.0.birthDate : la date de naissance est postérieure à la date de calcul',
    );
    expect(run('simulate', '--pack', 'inserm-2023', '--rfr', '1').err).toContain(
      'ne définit pas le paramètre « parts »',
    );
  });
  it('runs as an installed command', () => {
    const bin = fileURLToPath(new URL('../bin/entraide-rules.js', import.meta.url));
    const out = execFileSync(bin, [...SPEC_EXAMPLE, '--json'], { encoding: 'utf8' });
    expect((JSON.parse(out) as { parts: number }).parts).toBe(3);
    expect(spawnSync(bin, ['simulate', '--nope'], { encoding: 'utf8' }).status).toBe(2);
  });
});
