import { describe, expect, it } from 'vitest';
import { painDocument, type PaidClaim } from '../src/modules/claims/pain-document.ts';
import { painSchemaErrors } from '../src/modules/claims/sepa-schema.ts';

const account = { iban: 'FR7630006000011234567890189', bic: 'AGRIFRPP882' };

describe('the payout file', () => {
  it('of a batch of 20 000 transfers is validated whole (beyond libxml2’s default 16 MiB)', async () => {
    const claims: PaidClaim[] = Array.from({ length: 20_000 }, (_, i) => ({
      number: i + 1,
      approved_cents: 1 + i,
      ...account,
      holder: `Adhérente n° ${i + 1}`,
      type: 'festival',
      year: 2021,
    }));
    const xml = painDocument(
      { name: 'CAES Inserm', shortName: 'CAES' },
      account,
      {
        reference: 'VIR-2021-000001',
        totalCents: claims.reduce((sum, c) => sum + c.approved_cents, 0),
        executionDate: '2021-04-20',
        createdAt: '2021-04-15T10:00:00',
      },
      claims,
    );
    expect(xml.match(/<CdtTrfTxInf>/g)).toHaveLength(20_000);
    expect(await painSchemaErrors(xml)).toEqual([]);
    // The same file with one holder's name left empty is refused, at its line.
    expect(await painSchemaErrors(xml.replace('<Nm>Adherente n 20000</Nm>', '<Nm></Nm>'))).toEqual([
      expect.stringContaining("Element 'Nm': [facet 'minLength']"),
    ]);
  });
});
