// The SEPA payout file's amounts and texts, built without a database (its schema validation is
// tested through the API in claim-types.test.ts).
import { describe, expect, it } from 'vitest';
import { painDocument, type PaidClaim, type PayoutHeader } from './pain-document.ts';

const payout: PayoutHeader = {
  reference: 'VIR-2021-000007',
  totalCents: 12_345 + 5 + 100_000,
  executionDate: '2021-04-20',
  createdAt: '2021-04-15T10:00:00',
};
const claim = (number: number, cents: number, holder: string): PaidClaim => ({
  number,
  approved_cents: cents,
  iban: 'FR7630006000011234567890189',
  bic: 'AGRIFRPP882',
  holder,
  type: 'festival',
  year: 2021,
});

const build = () =>
  painDocument(
    { name: 'CAES de l’Inserm & Cie <Paris>', shortName: 'CAES' },
    { iban: 'FR7610278060610001020480101', bic: 'CMCIFR2A' },
    payout,
    [
      claim(1, 12_345, 'Hélène Dupré-Élise'),
      claim(2, 5, "Zoë O'Brien"),
      claim(3, 100_000, 'Ωmega Ltd'),
    ],
  );
const all = (tag: string) =>
  [...build().matchAll(new RegExp(`<${tag}[^>]*>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);

describe('the SEPA payout file', () => {
  it('writes each amount in euros with two decimals, and the control sum of the batch', () => {
    expect(all('InstdAmt')).toEqual(['123.45', '0.05', '1000.00']);
    expect(all('CtrlSum')).toEqual(['1123.50', '1123.50']);
    expect(all('NbOfTxs')).toEqual(['3', '3']);
  });

  it('keeps names in SEPA’s character set: accents dropped, the rest a space, markup escaped', () => {
    expect(all('Nm')).toEqual([
      'CAES de l Inserm Cie Paris',
      'CAES de l Inserm Cie Paris',
      'Helene Dupre-Elise',
      'Zoe O&apos;Brien',
      'mega Ltd',
    ]);
    expect(all('EndToEndId')).toEqual([
      'VIR-2021-000007-1',
      'VIR-2021-000007-2',
      'VIR-2021-000007-3',
    ]);
    expect(all('Ustrd')[0]).toBe('Subvention CAES demande 1 2021');
    expect(all('MsgId')).toEqual(['VIR-2021-000007']);
    expect(all('PmtInfId')).toEqual(['VIR-2021-000007']);
    expect(all('ReqdExctnDt')).toEqual(['2021-04-20']);
    expect(all('CreDtTm')).toEqual(['2021-04-15T10:00:00']);
    expect(all('IBAN')).toEqual([
      'FR7610278060610001020480101',
      'FR7630006000011234567890189',
      'FR7630006000011234567890189',
      'FR7630006000011234567890189',
    ]);
    expect(all('BIC')).toEqual(['CMCIFR2A', 'AGRIFRPP882', 'AGRIFRPP882', 'AGRIFRPP882']);
  });

  it('cuts a name to its field’s length', () => {
    const long = painDocument(
      { name: 'A'.repeat(80), shortName: 'X' },
      { iban: 'FR76', bic: 'B' },
      payout,
      [claim(1, 100, 'B'.repeat(90))],
    );
    const names = [...long.matchAll(/<Nm>([^<]*)<\/Nm>/g)].map((m) => m[1]?.length);
    expect(names).toEqual([70, 70, 70]);
  });
});
